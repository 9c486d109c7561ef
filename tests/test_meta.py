"""Meta-tests: the schema documents itself, every plugin is registered, every module under plugins/ is tested."""

from __future__ import annotations

import ast
import importlib
import itertools
import re
from pathlib import Path

import pelicanconf
from plugins.read import schema

ROOT = Path(__file__).resolve().parents[1]
ENGLISH_WORDS = re.compile(r"\b(the|of|and|is|are|with|for|which)\b")


def _every_field():
    for kind in schema.RECORD_TYPES:
        yield kind, (), schema.schemas()[kind]
        for path, node in schema.iter_fields(schema.schemas()[kind]):
            yield kind, path, node


def test_every_schema_field_has_a_german_title_and_description():
    missing = []
    for kind, path, node in _every_field():
        for key in ("title", "description"):
            text = node.get(key, "")
            if not text.strip():
                missing.append(f"{kind}.{'.'.join(path)}: {key} fehlt")
    assert missing == []


def test_titles_and_descriptions_are_not_english():
    english = [f"{kind}.{'.'.join(path)}" for kind, path, node in _every_field()
               if ENGLISH_WORDS.search(node.get("description", "") + " " + node.get("title", ""))]
    assert english == []


def test_every_vocabulary_value_has_a_label():
    for name, definition in schema.common()["$defs"].items():
        for entry in definition.get("oneOf", []):
            assert entry.get("title"), f"{name}: {entry} ohne title"


def _package_registers(init: Path) -> bool:
    """Whether a package's __init__.py defines or imports a Pelican `register`."""
    tree = ast.parse(init.read_text(encoding="utf-8"))
    return any((isinstance(node, ast.FunctionDef) and node.name == "register")
               or (isinstance(node, ast.ImportFrom) and any(alias.name == "register" for alias in node.names))
               for node in tree.body)


def test_every_plugin_is_registered():
    registering = sorted(module for module, file in PLUGIN_MODULES.items()
                         if file.name == "__init__.py" and _package_registers(file))
    assert sorted(pelicanconf.PLUGINS) == registering, "pelicanconf.PLUGINS und die Pakete mit register() weichen ab"
    assert pelicanconf.PLUGINS == ["plugins.publish"], "one Pelican plugin runs read → derive → present → publish"
    for name in pelicanconf.PLUGINS:
        assert importlib.import_module(name).register


# --- every module under plugins/ has a test ----------------------------------------------------
#
# A module counts as tested when a test module (tests/**/test_*.py or conftest.py) imports it:
# `import plugins.a.b`, `from plugins.a.b import x` or `from plugins.a import b`, also inside a
# function. Anything else must fall under one of these rules, each of which is checked, not assumed:
#   run      a test runs it as a program: `python -m plugins.a` (a package's __main__.py) or
#            `python -m plugins.build`, as ["-m", "plugins.a"] in an argument list or "-m plugins.a" in a string;
#   reexport a package's __init__.py holding nothing but its docstring and imports (no code of its own);
#   glue     the Pelican glue `plugin.py` of a package listed in pelicanconf.PLUGINS: it only connects the
#            other modules to Pelican's signals and runs in every build test (run_build, built_site);
#   build    a build test declares that it checks the module's output in a built site, in a module-level
#            tuple BUILD_COVERS = ("plugins.a.b", ...); the names must be modules that exist, and the
#            declaring file must build (call run_build or use built_site/site_url).

TEST_FILES = sorted(path for path in (ROOT / "tests").rglob("*.py")
                    if path.name.startswith("test_") or path.name == "conftest.py")
BUILD_NAMES = {"run_build", "built_site", "site_url"}


def plugin_modules(root: Path) -> dict[str, Path]:
    """Every module under root/plugins/ by its dotted name; a package by its __init__.py."""
    modules = {}
    for path in sorted((root / "plugins").rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


PLUGIN_MODULES = plugin_modules(ROOT)


def _strings(node) -> list:
    """The string constants of an argument list, None for anything else (keeps positions)."""
    return [element.value if isinstance(element, ast.Constant) and isinstance(element.value, str) else None
            for element in node.elts]


def _uses(tree: ast.AST) -> tuple[set, set, set, bool]:
    """(modules imported, modules run with -m, BUILD_COVERS names, whether the file builds a site)."""
    imported, run, covers, builds = set(), set(), set(), False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            imported.add(node.module)
            imported |= {f"{node.module}.{alias.name}" for alias in node.names}  # `from plugins.a import b`
            builds |= any(alias.name in BUILD_NAMES for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            builds |= any(alias.name in BUILD_NAMES for alias in node.names)  # from .conftest import run_build
        elif isinstance(node, (ast.List, ast.Tuple)):
            values = _strings(node)
            run |= {after for before, after in itertools.pairwise(values) if before == "-m" and after}
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            run |= set(re.findall(r"-m ([\w.]+)", node.value))
        elif isinstance(node, (ast.Name, ast.arg)):
            builds |= (node.id if isinstance(node, ast.Name) else node.arg) in BUILD_NAMES
    for node in tree.body:
        if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "BUILD_COVERS" for t in node.targets)
                and isinstance(node.value, (ast.Tuple, ast.List))):
            covers |= set(_strings(node.value))
    return imported, run, covers, builds


def _only_imports(path: Path) -> bool:
    body = ast.parse(path.read_text(encoding="utf-8")).body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    return all(isinstance(node, (ast.Import, ast.ImportFrom)) for node in body)


def untested_modules(root: Path, test_files: list, registered: list) -> list[str]:
    """Every module under plugins/ that no rule above covers, with what is missing, in German."""
    modules, imported, run, problems = plugin_modules(root), set(), set(), []
    covers_by_file, builders = {}, set()
    for file in test_files:
        file_imports, file_runs, covers, builds = _uses(ast.parse(file.read_text(encoding="utf-8")))
        imported |= file_imports
        run |= file_runs
        name = file.relative_to(root).as_posix()
        covers_by_file[name] = covers
        if builds:
            builders.add(name)
    covered = set()
    for name, covers in covers_by_file.items():
        for module in sorted(covers):
            if module not in modules:
                problems.append(f"{name}: BUILD_COVERS nennt {module}, das es unter plugins/ nicht gibt")
            elif name not in builders:
                problems.append(f"{name}: BUILD_COVERS nennt {module}, aber die Datei baut keine Website")
            else:
                covered.add(module)
    for module, path in sorted(modules.items()):
        package = module.rsplit(".", 1)[0]
        if module in imported or module in run or module in covered:
            continue
        if path.name == "__main__.py" and package in run:
            continue
        if path.name == "__init__.py" and _only_imports(path):
            continue
        if path.name == "plugin.py" and package in registered and builders:
            continue
        where = path.relative_to(root).as_posix()
        how = (f"`-m {package}` in einem Test" if path.name == "__main__.py" else
               f"`import {module}`, `from {package} import {module.rsplit('.', 1)[-1]}` oder BUILD_COVERS")
        problems.append(f"{where}: kein Test deckt {module} ab (erwartet: {how})")
    return problems


def test_every_module_under_plugins_has_a_test():
    problems = untested_modules(ROOT, TEST_FILES, list(pelicanconf.PLUGINS))
    assert not problems, "Module ohne Test:\n" + "\n".join(problems)


def test_the_check_finds_an_untested_module(tmp_path):
    """The rule above can fail: in a small tree, a module no test imports is named, as is a stale
    BUILD_COVERS entry and a __main__ no test runs; imported, run and re-exporting modules pass."""
    files = {
        "plugins/__init__.py": '"""Docstring only."""\n',
        "plugins/neu/__init__.py": "from .rechnen import f  # noqa: F401\n",
        "plugins/neu/rechnen.py": "def f():\n    return 1\n",
        "plugins/neu/geprueft.py": "def g():\n    return 2\n",
        "plugins/neu/__main__.py": "print(1)\n",
        "plugins/alt/__init__.py": "",
        "plugins/alt/__main__.py": "print(2)\n",
        "tests/test_neu.py": ('from plugins.neu import geprueft\nBUILD_COVERS = ("plugins.weg",)\n'
                              'COMMAND = ["python", "-m", "plugins.alt"]\n'),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert untested_modules(tmp_path, [tmp_path / "tests" / "test_neu.py"], []) == [
        "tests/test_neu.py: BUILD_COVERS nennt plugins.weg, das es unter plugins/ nicht gibt",
        "plugins/neu/__main__.py: kein Test deckt plugins.neu.__main__ ab (erwartet: `-m plugins.neu` in einem Test)",
        "plugins/neu/rechnen.py: kein Test deckt plugins.neu.rechnen ab "
        "(erwartet: `import plugins.neu.rechnen`, `from plugins.neu import rechnen` oder BUILD_COVERS)",
    ]

"""Templates compiled once per build and shared by every generator's Jinja environment (shared_templates.py)."""

from __future__ import annotations

from types import SimpleNamespace

from jinja2 import Environment, FileSystemLoader

import plugins.publish as publish
from plugins.publish.shared_templates import SharedTemplates


class _Counting(Environment):
    compiled: list = []

    def _compile(self, source, filename):
        self.compiled.append(filename)
        return super()._compile(source, filename)


def _environment(folder, cache):
    return _Counting(loader=FileSystemLoader(folder), autoescape=True, trim_blocks=True, bytecode_cache=cache)


def test_environments_sharing_the_cache_compile_a_template_once_and_a_changed_one_again(tmp_path):
    _Counting.compiled = []
    (tmp_path / "page.html").write_text("<p>{{ x | upper }}</p>", encoding="utf-8")
    shared = SharedTemplates()
    first, second = _environment(tmp_path, shared), _environment(tmp_path, shared)
    assert first.get_template("page.html").render(x="a<") == second.get_template("page.html").render(x="a<") == "<p>A&lt;</p>"
    assert len(_Counting.compiled) == 1
    (tmp_path / "page.html").write_text("<b>{{ x }}</b>", encoding="utf-8")
    assert _environment(tmp_path, shared).get_template("page.html").render(x="a") == "<b>a</b>"
    assert len(_Counting.compiled) == 2
    assert _environment(tmp_path, SharedTemplates()).get_template("page.html").render(x="a") == "<b>a</b>"
    assert len(_Counting.compiled) == 3  # another build's cache knows nothing of this one's


def test_every_generator_of_a_build_gets_that_builds_cache_and_the_next_build_a_fresh_one():
    def generator():
        return SimpleNamespace(env=Environment())

    publish.new_build(None)
    first, second = generator(), generator()
    publish.add_template_filters(first)
    publish.add_template_filters(second)
    assert isinstance(first.env.bytecode_cache, SharedTemplates) and first.env.bytecode_cache is second.env.bytecode_cache
    assert "number_de" in first.env.filters
    publish.new_build(None)
    later = generator()
    publish.add_template_filters(later)
    assert later.env.bytecode_cache is not first.env.bytecode_cache

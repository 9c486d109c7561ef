"""The one Pelican generator of the catalogue: read → derive → present in `generate_context`, publish in `generate_output`.

It is the only place that writes into Pelican's context, and, besides Pelican's own writer, the only
place that writes files.
"""

from __future__ import annotations

import sys
import time
from functools import partial
from pathlib import Path

from pelican.generators import Generator

from plugins.concurrency import on_both_cores, thaw
from plugins.derive import derive
from plugins.derive.search.synonyms import catalogue_vocabulary
from plugins.present import present, search_summary
from plugins.present.cost_report import COMPARE_DATA
from plugins.present.open_data import FEED_PATH
from plugins.publish import assets, exports, feed, pages, xlsx
from plugins.publish.summary import summary_ready
from plugins.read import read_sources
from plugins.read.problems import ContentErrors
from plugins.settings import checked_settings

PARALLEL_FROM = 400  # pages; below this a second process costs more than it saves


def _write(output: Path, files: dict) -> None:
    for relative, content in sorted(files.items()):
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def _write_made(output: Path, make, *args) -> None:
    """Write each file as soon as `make` gives it: (path, text, bytes or an iterable of text pieces)."""
    for relative, content in make(*args):
        if isinstance(content, str | bytes):
            _write(output, {relative: content})
            continue
        target = output / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as file:
            file.writelines(content)


def stop(problems) -> None:
    """Print every problem, then end the build once (plugins/build.py prints the closing line)."""
    for problem in problems:
        print(problem, file=sys.stderr)
    raise ContentErrors(problems)


class CatalogueGenerator(Generator):
    def _load_templates(self) -> None:
        """Compile every template of the theme (Jinja keeps them), so that a forked process finds them ready."""
        templates = Path(self.theme) / "templates"  # ours only: Pelican's own "simple" theme is never used
        for template in sorted(templates.rglob("*.html")):
            self.env.get_template(template.relative_to(templates).as_posix())

    def generate_context(self):
        clock = time.perf_counter()
        settings = checked_settings(self.settings, stop)
        sources = read_sources(Path(self.path), settings, stop, known_terms=catalogue_vocabulary)
        self.seconds = {"lesen": time.perf_counter() - clock}
        derived = derive(sources, settings)
        self.seconds["ableiten"] = time.perf_counter() - clock - sum(self.seconds.values())
        presented = present(sources, derived, settings)
        self.seconds["darstellen"] = time.perf_counter() - clock - sum(self.seconds.values())
        self.stylesheets = assets.bundles(Path(self.theme))
        self.pipeline = (sources, derived, presented, settings)
        self.context.update(pages.template_context(sources, derived, presented))
        self.context["STYLESHEETS"] = {kind: path for kind, (path, _) in self.stylesheets.items()}

    def generate_output(self, writer):
        clock = time.perf_counter()
        sources, derived, presented, settings = self.pipeline
        output = Path(self.output_path)
        package, counts = exports.data_package(presented.open_data, settings)
        every_page = pages.page_list(sources, derived, presented, package, counts, settings["THEME"])
        files = [  # each job writes its files as it makes them: less is held at once
            partial(_write_made, output, xlsx.site_workbooks, presented.open_data, settings, sources.catalogue),
            partial(_write_made, output, exports.export_files, presented.open_data, package),
            partial(_write, output, {COMPARE_DATA: presented.compare_json,
                                     FEED_PATH: feed.site_feed(presented.open_data, settings, sources.catalogue),
                                     **dict(self.stylesheets.values())}),
        ]
        page_jobs = [partial(pages.write_page, writer, self.get_template, self.context, page)
                     for page in pages.heaviest_first(every_page)]
        if len(every_page) >= PARALLEL_FROM:  # both cores, each taking the next job when it is free
            self._load_templates()  # once, before the fork, instead of once in each process
            small_from = len(files) + sum(not pages.single_record(page) for page in every_page)
            done = on_both_cores(files + page_jobs, helper_waits_for=derived.children, small_from=small_from)
        else:
            done = [job() for job in files + page_jobs]
        written = done[len(files):]  # the pages' addresses
        _write(output, {"sitemap.xml": feed.site_sitemap(written + pages.pelican_pages(self.context), presented.open_data)})
        _write(output, derived.search.files)
        thaw()
        self.seconds["veröffentlichen"] = time.perf_counter() - clock
        summary_ready.send(self, parts=(*presented.summary_parts, search_summary(derived.search)), seconds=self.seconds)

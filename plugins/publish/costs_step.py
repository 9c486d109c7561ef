"""Pelican side of costs: compute the report once all records are known, then write /kosten/ and /vergleich/."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pelican import signals
from pelican.generators import Generator

from plugins.read.problems import ContentErrors, Problem
from plugins.present.compare import compare_data
from plugins.derive.costs import VPI_FILE, PriceIndexError, load_price_index
from plugins.present.cost_report import COMPARE_DATA, COMPARE_URL, COSTS_URL, build_report


class CostsGenerator(Generator):
    def generate_context(self):
        try:
            prices = load_price_index(Path(self.settings.get("COSTS_PRICE_INDEX") or VPI_FILE))
            report = build_report(self.context["catalogue"], prices, self.settings.get("COSTS_BASE_YEAR"),
                                  self.settings.get("COSTS_REFERENCE_YEAR"))
        except PriceIndexError as error:
            problem = Problem(error.path, error.line, "Preisindex", error.message)
            print(problem, file=sys.stderr)
            raise ContentErrors([problem]) from None
        self.context["costs"] = report
        self.context.setdefault("build_summary", []).append(report.summary_line)

    def generate_output(self, writer):
        report = self.context["costs"]
        writer.write_file(f"{COSTS_URL}index.html", self.get_template("costs"), self.context, page_url=COSTS_URL)
        writer.write_file(f"{COMPARE_URL}index.html", self.get_template("compare"), self.context,
                          page_url=COMPARE_URL, measures=self.context["catalogue"].measures)
        target = Path(self.output_path) / COMPARE_DATA
        target.parent.mkdir(parents=True, exist_ok=True)
        # Reproducible: sorted keys, fixed separators, no timestamps.
        target.write_text(json.dumps(compare_data(report), ensure_ascii=False, sort_keys=True,
                                     separators=(",", ":")) + "\n", encoding="utf-8")


def get_generators(pelican_object):
    return CostsGenerator


def register():
    signals.get_generators.connect(get_generators)

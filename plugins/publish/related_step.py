"""Pelican side of related: compute the neighbours of every measure once all records are known."""

from __future__ import annotations

from pelican import signals
from pelican.generators import Generator

from plugins.derive.related import related_measures


class RelatedGenerator(Generator):
    def generate_context(self):
        self.context["related"] = related_measures(self.context["catalogue"].measures)


def get_generators(pelican_object):
    return RelatedGenerator


def register():
    signals.get_generators.connect(get_generators)

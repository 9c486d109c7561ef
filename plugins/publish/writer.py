"""Pelican's writer, with glossary abbreviations marked in each page as it is rendered (never read back from disk)."""

from __future__ import annotations

from pelican.writers import Writer

GLOSSARY_URL = "glossar/"


class MarkedTemplate:
    """Renders like the Jinja template it wraps, then links each page's first abbreviations to the glossary."""

    def __init__(self, template):
        self.template = template

    def render(self, context) -> str:
        html = self.template.render(context)
        marker = context.get("abbreviation_marker")
        if marker is None:
            return html
        return marker(html, f"{context.get('SITEURL', '')}/{GLOSSARY_URL}")  # per page: relative URLs differ by depth


class MarkingWriter(Writer):
    def write_file(self, name, template, context, *args, **kwargs):
        marked = MarkedTemplate(template) if str(name).endswith(".html") else template
        return super().write_file(name, marked, context, *args, **kwargs)

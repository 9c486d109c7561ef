"""The catalogue's own signal: the build's summary line, sent once everything is written (plugins/build.py prints it)."""

from pelican.plugins.signals import signal

summary_ready = signal("praxiskatalog_summary_ready")

"""Present: the one place that turns values into German text (labels, units, numbers, dates, sentences).

Uses only plugins.read and plugins.derive.
"""

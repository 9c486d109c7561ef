"""Build settings with a misspelt and a mistyped setting: the build stops before reading anything."""

from publishconf import *  # noqa: F401,F403

COSTS_BASE_YAER = 2020
COSTS_BASE_YEAR = "2020"

"""Build settings with a price index that has a gap: the build must stop with one German line."""

from pathlib import Path

from pelicanconf import *  # noqa: F401,F403

here = Path(__file__).resolve().parent
THEME = str(here.parents[2] / "theme")
COSTS_PRICE_INDEX = str(here / "vpi-with-gap.csv")

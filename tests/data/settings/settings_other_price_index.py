"""Build settings with another price index (flat: no price change) and base year: every cost on the site follows them."""

from pathlib import Path

from pelicanconf import *  # noqa: F401,F403

here = Path(__file__).resolve().parent
COSTS_PRICE_INDEX = str(here / "vpi-flat.csv")
COSTS_BASE_YEAR = 2010

"""Pelican plugins of the Praxiskatalog; each subpackage has one job and a register()."""

"""Derive: everything computed from the catalogue, once, as plain functions of it.

Facets, costs, evidence, keywords, related measures, filter data and search documents.
Uses only plugins.read.
"""

"""Read: every record file, the glossary, the price index and git history, checked against the schemas.

Nothing here writes German prose or HTML for pages; the result is one immutable catalogue.
"""

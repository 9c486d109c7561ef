"""One compilation of each template per build, shared by every generator's Jinja environment.

Pelican gives each generator an environment of its own, and each compiled base.html, _macros.html and the
partials again for its few pages (the home page, the static pages). The environments are made from the same
settings and get the same filters (plugins.publish.add_template_filters), so a template compiles to the same
code in each; this cache hands the first compilation to the others. It lives in memory for one build only:
every build starts cold, and a changed template has another checksum.
"""

from __future__ import annotations

from jinja2.bccache import Bucket, BytecodeCache


class SharedTemplates(BytecodeCache):
    def __init__(self):
        self.code = {}  # (template key, source checksum) -> compiled code

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[(bucket.key, bucket.checksum)] = bucket.code

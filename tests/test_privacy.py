"""No visitor data leaves for other hosts: every request of every page type stays on the site's origin."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from .page_types import PAGE_TYPES

CSP = "default-src 'self'; script-src 'self'; style-src 'self'"


@pytest.mark.parametrize("name", sorted(PAGE_TYPES))
def test_every_request_stays_on_the_origin(page, site_url, name):
    origin = urlsplit(site_url).netloc
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(site_url + PAGE_TYPES[name])
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    foreign = [url for url in requests if not url.startswith("data:") and urlsplit(url).netloc != origin]
    assert foreign == []
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert csp.startswith(CSP) and "unsafe-inline" not in csp and "unsafe-eval" not in csp

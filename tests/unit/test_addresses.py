"""Which site address may go on paper: a published one, never this machine's."""

from __future__ import annotations

import pytest

from generator.pages.addresses import page_address, published_address


@pytest.mark.parametrize(
    "site_url",
    [
        None,
        "",
        "http://127.0.0.1:8000/",
        "http://127.5.0.1/",
        "http://localhost:8000/",
        "http://LOCALHOST./",
        "http://site.localhost/",
        "http://[::1]:8000/",
        "http://0.0.0.0:8000/",
    ],
)
def test_a_local_or_missing_address_is_not_published(site_url: str | None) -> None:
    assert published_address(site_url) is None


@pytest.mark.parametrize(
    ("site_url", "expected"),
    [
        ("https://example.org/kist/", "https://example.org/kist/"),
        ("https://example.org/kist", "https://example.org/kist/"),
        ("http://192.168.1.20/", "http://192.168.1.20/"),
        ("https://gereedschapskist.nl", "https://gereedschapskist.nl/"),
    ],
)
def test_a_published_address_ends_in_a_slash(site_url: str, expected: str) -> None:
    assert published_address(site_url) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [("tools/praatplaat.md", "tools/praatplaat/"), ("tools/index.md", "tools/")],
)
def test_a_page_is_at_its_folder_below_the_site(path: str, expected: str) -> None:
    assert page_address("https://example.org/kist/", path) == f"https://example.org/kist/{expected}"

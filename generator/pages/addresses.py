"""Where things are on the site (DESIGN.md §3): the pages made from definitions, the blank print
view and PDFs, and the client's files. Page paths are below the docs folder, as MkDocs reads
them (``tools/x/index.md`` is served at ``/tools/x/``)."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from ..definition.instrument import Instrument

TOOLS_DIR = "tools"
OVERVIEW_PATH = f"{TOOLS_DIR}/index.md"
COMPARISON_SLUG = "vergelijken"  # /tools/<id>/vergelijken/
REFERENCE_PATH = "voor-beheerders/referentie.md"
BLANK_VIEW = "leeg"  # ?afdruk=leeg: an instrument's page as its blank print view
WORKSHEET_VIEW = "werkblad"  # ?afdruk=werkblad: a poster's blank form for one person
BLANK_QUERY = f"?afdruk={BLANK_VIEW}"
# The client's files: each at its path below the generator package (client/…, parts/<type>/…),
# so a module's relative imports are the same in the source and on the site.
ASSETS_DIR = "assets/gereedschapskist"


# Each generated page is the index of its own folder: served at that folder's address, so a link
# in its HTML means the same to a builder that reads it from the page's address (MkDocs) and to
# one that reads it from the source file's folder (Zensical).


def instrument_path(instrument: Instrument) -> str:
    """An instrument's page: /tools/<id>/."""
    return f"{TOOLS_DIR}/{instrument.id}/index.md"


def comparison_path(instrument: Instrument) -> str:
    """An instrument's comparison view, /tools/<id>/vergelijken/, beside its own page."""
    return f"{TOOLS_DIR}/{instrument.id}/{COMPARISON_SLUG}/index.md"


@dataclass(frozen=True)
class BlankPrint:
    """A blank print of an instrument: a print view on a paper size, and its ready PDF."""

    instrument_id: str
    view: str  # BLANK_VIEW or WORKSHEET_VIEW
    paper: str  # "A4", "A3", "A2"
    orientation: str  # "portrait" or "landscape"
    name: str = ""  # what it is, when it is not the instrument's own print ("werkblad")
    enlarges: str | None = None  # the file it is a scaled-up copy of (a poster for a plotter)

    @property
    def file(self) -> str:
        """The ready PDF's name, next to the instrument's page: ``<id>-<view>-<paper>.pdf``."""
        return f"{self.instrument_id}-{self.view}-{self.paper.lower()}.pdf"

    @property
    def query(self) -> str:
        return f"?afdruk={self.view}"


WORKSHEET_NAME = "werkblad voor één persoon"


def blank_prints(instrument: Instrument) -> list[BlankPrint]:
    """An instrument's blank prints, its own first (on the paper of its definition). A poster is
    also made one size up for a plotter, and has a worksheet for one person on A4."""
    own = BlankPrint(
        instrument.id, BLANK_VIEW, instrument.print.paper, instrument.print.orientation
    )
    if instrument.layout != "poster":
        return [own]
    larger = {"A4": "A3", "A3": "A2"}[own.paper]
    return [
        own,
        BlankPrint(
            instrument.id, BLANK_VIEW, larger, own.orientation, name="poster", enlarges=own.file
        ),
        BlankPrint(
            instrument.id, WORKSHEET_VIEW, "A4", "portrait", name="werkblad voor één persoon"
        ),
    ]


def pdf_name(instrument: Instrument) -> str:
    """The ready PDF of an instrument's own blank print."""
    return blank_prints(instrument)[0].file


def asset_path(source: str) -> str:
    """Where a client file of the generator package (``client/loader.js``) is on the site."""
    return f"{ASSETS_DIR}/{source}"


def assets_url(page_path: str) -> str:
    """The assets folder as a link from a generated page (with directory URLs, as the site has
    them: ``tools/x/index.md`` and ``tools/x.md`` are served at ``tools/x/``)."""
    return "../" * len(page_folder(page_path).parts) + ASSETS_DIR


def page_folder(page_path: str) -> PurePosixPath:
    """The folder a generated page is served as (with directory URLs, as the site has them)."""
    folder = PurePosixPath(page_path).with_suffix("")
    return folder.parent if folder.name == "index" else folder


def published_address(site_url: str | None) -> str | None:
    """The address the site is published at, for paper ("Digitaal in te vullen op …"), or None
    when ``site_url`` is empty or on this machine (a loopback address, as in a local build):
    a sheet must never send a reader to localhost."""
    if not site_url:
        return None
    host = (urlsplit(site_url).hostname or "").rstrip(".").lower()
    if host in ("", "localhost") or host.endswith(".localhost"):
        return None
    address = site_url if site_url.endswith("/") else f"{site_url}/"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return address  # a host name
    return None if ip.is_loopback or ip.is_unspecified else address


def page_address(site_address: str, page_path: str) -> str:
    """A generated page's published address (``tools/x/index.md`` is at ``<site>/tools/x/``)."""
    return f"{site_address}{page_folder(page_path).as_posix()}/"

"""The answer keys, made here only: where each answer is kept in the answer file (DESIGN.md §3),
and the place names that tell a repeated question's copies apart ("Partner A, Bestuurlijk").

An answer key is the path of ids to the answer, joined by dots: ``<section>.<field>`` for a
question asked once. A repeated section puts the column or party into the path:

- a matrix (``menu``): the cell ``<section>.<column>.<field>``, the chosen columns
  ``<section>``, an own column's name ``<section>.<column>.naam``;
- parties on levels (``parties``): the box ``<section>.<party>.<level>.<field>``, the link down
  ``<section>.<party>.<upper>--<lower>.<field>``, the link across
  ``<section>.<left>--<right>.<level>.<field>``, the parties in order ``<section>``, the links
  across that the 8-tje has ``<section>.verbindingen`` (a list of ``<left>--<right>``; a file
  without it, from before links could be chosen, links each party with its neighbour), a
  party's name ``<section>.<party>.naam``;
- who answers: ``respondent.naam`` and ``respondent.organisatie``.

Users' saved files depend on these keys: change none of them. The page's templates take their
keys from here, and the client gets the scheme's pieces as data (``client_scheme``).
"""

from __future__ import annotations

from typing import Any

SEPARATOR = "."
LINK = "--"  # joins two ids into a link's id; ids never contain it
NAME_FIELD = "naam"  # the key below a column or party that holds its name
LINKS_FIELD = "verbindingen"  # the key below a parties section that lists its links across
RESPONDENT = "respondent"  # the first part of the respondent fields' keys
# The respondent fields a definition may ask, in the order the comparison takes a respondent's
# name from them (their name, else their organisation).
RESPONDENT_FIELDS = ("naam", "organisatie")
PLACE_SEPARATOR = ", "  # between the parts of a place name, outer first
BETWEEN = " \N{EN DASH} "  # joins the two ends of a link in its place name, as a dash
# The page names a column or party the user adds by a prefix and six letters or digits
# (client/ids.js, newId); a definition's own column or party with such an id could meet one.
ADDED_ID_LENGTH = 6


def key(*ids: str) -> str:
    """The key of the path of ids."""
    return SEPARATOR.join(ids)


def link(one: str, other: str) -> str:
    """The id of the link between two ids (parties, or levels)."""
    return f"{one}{LINK}{other}"


def name_key(section: str, item: str) -> str:
    """Where the name of a column or party is kept."""
    return key(section, item, NAME_FIELD)


def links_key(section: str) -> str:
    """Where a parties section keeps the links across it has."""
    return key(section, LINKS_FIELD)


def respondent_key(field: str) -> str:
    return key(RESPONDENT, field)


def place(*names: str) -> str:
    """A place name from its parts, outer first: "Partner A, Bestuurlijk"."""
    return PLACE_SEPARATOR.join(names)


def between(one: str, other: str) -> str:
    """The place name of a link: "Partner A \N{EN DASH} Partner B"."""
    return f"{one}{BETWEEN}{other}"


def labelled(place_name: str | None, label: str) -> str:
    """A control's accessible name: the question, after its place where it repeats."""
    return f"{place_name}: {label}" if place_name else label


def client_scheme() -> dict[str, Any]:
    """The scheme's pieces as the client needs them, to read keys rather than guess them."""
    return {
        "separator": SEPARATOR,
        "link": LINK,
        "nameField": NAME_FIELD,
        "linksField": LINKS_FIELD,
        "respondent": RESPONDENT,
        "respondentFields": list(RESPONDENT_FIELDS),
        "place": PLACE_SEPARATOR,
        "between": BETWEEN,
    }

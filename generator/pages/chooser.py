"""The chooser "Waar staan jullie nu?" on the home page and /tools/: from the five challenges to
the instrument that fits each, and the suggested route through the instruments."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..definition.instrument import Instrument

# Where the home page (a hand-written page) takes the chooser: this line, alone, in its Markdown.
HOME_MARKER = "<!-- waar-staan-jullie-nu -->"


@dataclass
class ChallengeChoice:
    """One challenge in the chooser, with the instruments that serve it."""

    number: int
    title: str
    points: list[str]
    instruments: list[Instrument] = field(default_factory=list)


def challenge_choices(instruments: list[Instrument]) -> list[ChallengeChoice]:
    """Every challenge an instrument serves, by number, each with its instruments (in the
    overview's order); its title and points as the first instrument with points gives them."""
    choices: dict[int, ChallengeChoice] = {}
    for instrument in instruments:
        for challenge in instrument.challenges:
            choice = choices.setdefault(
                challenge.number, ChallengeChoice(challenge.number, challenge.title, [])
            )
            if not choice.points:
                choice.points = list(challenge.points)
            if instrument not in choice.instruments:
                choice.instruments.append(instrument)
    return [choices[number] for number in sorted(choices)]

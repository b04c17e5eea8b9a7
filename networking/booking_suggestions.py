"""Other speakers suggested for a booking request, shown on the booking's page.

Networking does not know where suggestions come from: an app above it registers a
provider when it is ready (`register`), and the booking page asks every provider for
what this person may see of this booking. A provider answers with `Suggestions`:
for the organization, speakers it may send the same request to; for the consultant,
where to suggest someone else. Networking only shows them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Suggestion:
    """A speaker suggested to the organization, in the words the organization sees."""

    suggested_by: str  # the consultant who could not take the request
    speaker: str  # the suggested speaker's professional name
    profile_url: str
    choose_url: str  # where the organization sends them the request, or says no thanks
    booking_url: str = ""  # the request it sent them, once it did


@dataclass
class Suggestions:
    offered: list[Suggestion] = field(default_factory=list)
    # For the consultant of the booking: where to suggest another speaker, if they may.
    suggest_url: str = ""
    # For the consultant: the speakers they suggested, with where each stands.
    made: list[tuple[str, str]] = field(default_factory=list)


Provider = Callable[[object, object], Suggestions]
_providers: list[Provider] = []


def register(provider: Provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def suggestions_for(viewer, booking) -> Suggestions:
    """What every registered provider lets this person see of this booking."""
    merged = Suggestions()
    for provider in _providers:
        found = provider(viewer, booking)
        merged.offered.extend(found.offered)
        merged.made.extend(found.made)
        merged.suggest_url = merged.suggest_url or found.suggest_url
    return merged

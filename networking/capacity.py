"""Whether a consultant takes on an engagement on given dates and topics: the one rule.

The consultant's own limits (networking.models.capacity) are read into a `Limits` once,
by networking.selectors.capacity, for one consultant or for every candidate of a
matching; `blocked_by` then decides without touching the database. The profile, the
request form, the booking service and the editors' matching all ask `blocked_by`, so
they can never disagree. Nobody but the consultant is told which limit was reached:
callers say only from when the consultant takes requests again (`free_from`).

What counts as an engagement: a booking the consultant said yes to (accepted, confirmed,
completed). Requests still waiting (requested, or new terms proposed to the
organization) do not count: organizations could otherwise fill a consultant's month
with requests she never wanted.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta

from networking.enums import BookingState

COUNTED = (BookingState.ACCEPTED, BookingState.CONFIRMED, BookingState.COMPLETED)
MONTH_FULL, RESTING, TOPIC_AVOIDED = "month_full", "resting", "topic_avoided"
# How far ahead a free date is looked for; beyond it the date is not named.
HORIZON_DAYS = 731


@dataclass(frozen=True)
class Limits:
    """A consultant's limits and the engagements they weigh: plain values, no queries."""

    monthly_limit: int | None = None
    rest_days: int = 0
    # (first date, last date) of each counted engagement.
    engagements: tuple[tuple[date, date], ...] = ()
    # (topic id, from, until), both dates included.
    avoided: tuple[tuple[int, date, date], ...] = ()

    @property
    def avoided_topic_ids(self) -> set[int]:
        return {topic_id for topic_id, _from, _until in self.avoided}


NO_LIMITS = Limits()


def blocked_by(
    limits: Limits, *, starts_on: date, ends_on: date, topic_ids: Collection[int] = ()
) -> str:
    """Which limit an engagement on these dates and topics would break ("" for none).

    - a full month: `monthly_limit` engagements already start in the month it starts;
    - rest: it starts within `rest_days` after an engagement's last date, or an
      engagement starts within `rest_days` after its own last date;
    - an avoided topic: one of its topics is avoided on any of its dates.
    """
    if limits.monthly_limit is not None:
        month = (starts_on.year, starts_on.month)
        taken = sum(1 for first, _last in limits.engagements if (first.year, first.month) == month)
        if taken >= limits.monthly_limit:
            return MONTH_FULL
    if limits.rest_days:
        rest = timedelta(days=limits.rest_days)
        for first, last in limits.engagements:
            if last < starts_on <= last + rest or ends_on < first <= ends_on + rest:
                return RESTING
    for topic_id, avoided_from, avoided_until in limits.avoided:
        if topic_id in topic_ids and avoided_from <= ends_on and starts_on <= avoided_until:
            return TOPIC_AVOIDED
    return ""


def free_from(
    limits: Limits, *, starts_on: date, ends_on: date, topic_ids: Collection[int] = ()
) -> date | None:
    """The first date from `starts_on` on on which an engagement of the same length and
    topics could start; None when there is none within two years."""
    length = ends_on - starts_on
    for offset in range(HORIZON_DAYS):
        day = starts_on + timedelta(days=offset)
        if not blocked_by(limits, starts_on=day, ends_on=day + length, topic_ids=topic_ids):
            return day
    return None


def not_taking_until(limits: Limits, *, today: date) -> date | None:
    """For the profile: when a limit keeps any engagement from starting today, the date
    from which one can (None when one can start today, or no date is in sight)."""
    if limits == NO_LIMITS or not blocked_by(limits, starts_on=today, ends_on=today):
        return None
    return free_from(limits, starts_on=today, ends_on=today)

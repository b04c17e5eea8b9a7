"""Reading consultants' limits into networking.capacity.Limits, and what follows from
them: whether a request fits, and what the profile says."""

import re
from collections import defaultdict
from datetime import date, timedelta

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from networking import capacity
from networking.enums import BookingState
from networking.models import AvoidedTopic, Booking, Capacity, Debrief
from networking.models.capacity import MAX_REST_DAYS
from portfolio.models import Topic


def _since(starts_on: date) -> date:
    """The earliest last date of an engagement that can weigh on one starting then: one
    in the same month counts against the monthly limit, one ending within the longest
    rest before it against rest."""
    return min(starts_on.replace(day=1), starts_on - timedelta(days=MAX_REST_DAYS))


def limits_by_consultant(*, starts_on: date, consultant_id=None) -> dict[int, capacity.Limits]:
    """Limits of every consultant who set any (or of one), with the engagements and
    avoided topics that matter from `starts_on` on: three queries, whatever the number
    of consultants (one when a single consultant set none)."""
    rows = Capacity.objects.all()
    if consultant_id is not None:
        rows = rows.filter(user_id=consultant_id)
    rows = list(rows.values_list("user_id", "monthly_limit", "rest_days"))
    if consultant_id is not None and not rows:
        return {}
    since = _since(starts_on)
    limited = Capacity.objects.values("user_id")
    if consultant_id is not None:
        limited = [consultant_id]
    engagements = defaultdict(list)
    for consultant, first, last in (
        Booking.objects.filter(
            consultant_id__in=limited, state__in=capacity.COUNTED, ends_on__gte=since
        )
        .order_by("starts_on")
        .values_list("consultant_id", "starts_on", "ends_on")
    ):
        engagements[consultant].append((first, last))
    avoided = defaultdict(list)
    for consultant, topic_id, avoided_from, avoided_until in (
        AvoidedTopic.objects.filter(consultant_id__in=limited, ends_on__gte=since)
        .order_by("starts_on", "pk")
        .values_list("consultant_id", "topic_id", "starts_on", "ends_on")
    ):
        avoided[consultant].append((topic_id, avoided_from, avoided_until))
    return {
        user_id: capacity.Limits(
            monthly_limit=monthly_limit,
            rest_days=rest_days,
            engagements=tuple(engagements[user_id]),
            avoided=tuple(avoided[user_id]),
        )
        for user_id, monthly_limit, rest_days in rows
    }


def limits_of(*, consultant_id, starts_on: date) -> capacity.Limits:
    return limits_by_consultant(starts_on=starts_on, consultant_id=consultant_id).get(
        consultant_id, capacity.NO_LIMITS
    )


def topics_named(*, topic_ids, text: str) -> set[int]:
    """Which of these topics a request's own words name (in English or Spanish): a
    request names its topic in free text, so an avoided topic is found by its name, as
    whole words (a topic "Art" is not named by "Startups")."""
    words = text.casefold()

    def named(name: str) -> bool:
        return bool(name) and re.search(rf"\b{re.escape(name.casefold())}\b", words) is not None

    return {
        pk
        for pk, name, name_es in Topic.objects.filter(pk__in=topic_ids).values_list(
            "pk", "name", "name_es"
        )
        if named(name) or named(name_es)
    }


def request_free_from(
    *, consultant_id, starts_on: date, ends_on: date, text: str = "", topic_ids=()
) -> tuple[bool, date | None]:
    """Whether a request for these dates fits the consultant's limits; if not, the first
    date from which one of the same length would (None when none is in sight).

    Its topics are `topic_ids` (an opportunity's) and those its `text` names.
    """
    limits = limits_of(consultant_id=consultant_id, starts_on=starts_on)
    if limits == capacity.NO_LIMITS:
        return True, None
    topics = set(topic_ids)
    avoided = limits.avoided_topic_ids - topics
    if avoided and text:
        topics |= topics_named(topic_ids=avoided, text=text)
    dates = {"starts_on": starts_on, "ends_on": ends_on, "topic_ids": topics}
    if not capacity.blocked_by(limits, **dates):
        return True, None
    return False, capacity.free_from(limits, **dates)


def request_refusal(
    *, consultant_id, starts_on: date, ends_on: date, text: str = "", opportunity=None
) -> str:
    """ "" when a request fits the consultant's limits; otherwise what the organization is
    told: from when the consultant takes requests again, never why."""
    topic_ids = opportunity.topics.values_list("pk", flat=True) if opportunity else ()
    fits, free = request_free_from(
        consultant_id=consultant_id,
        starts_on=starts_on,
        ends_on=ends_on,
        text=text,
        topic_ids=topic_ids,
    )
    if fits:
        return ""
    if free is None:
        return gettext("This consultant is not taking requests for these dates.")
    return gettext(
        "This consultant is not taking requests for these dates. They take requests for "
        "dates from %(date)s on."
    ) % {"date": date_format(free, "DATE_FORMAT")}


def not_taking_requests_until(*, consultant_id) -> date | None:
    """What the profile says: the date until which no engagement can start, if any."""
    today = timezone.localdate()
    limits = limits_of(consultant_id=consultant_id, starts_on=today)
    return capacity.not_taking_until(limits, today=today)


def capacity_settings(*, consultant) -> dict:
    """The consultant's own settings page: limits, avoided topics, and what follows."""
    row = Capacity.objects.filter(user=consultant).first()
    return {
        "capacity": row,
        "avoided_topics": list(
            AvoidedTopic.objects.filter(consultant=consultant)
            .filter(ends_on__gte=timezone.localdate())
            .select_related("topic")
        ),
        "not_taking_until": not_taking_requests_until(consultant_id=consultant.pk) if row else None,
    }


def debrief_of(*, booking) -> Debrief | None:
    """The consultant's note on this booking: callers ask the rule first."""
    return Debrief.objects.filter(booking=booking, consultant_id=booking.consultant_id).first()


def unrated_completed_bookings(*, consultant_id) -> list:
    """Completed engagements the consultant has not rated yet, newest first."""
    return list(
        Booking.objects.filter(
            consultant_id=consultant_id, state=BookingState.COMPLETED, rating__isnull=True
        )
        .order_by("-ends_on")
        .values("pk", "title")[:3]
    )

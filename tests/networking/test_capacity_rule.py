"""The one rule for "does this consultant take on an engagement then, on that": plain
values in, no database (networking.capacity)."""

from datetime import date

import pytest

from networking.capacity import (
    MONTH_FULL,
    NO_LIMITS,
    RESTING,
    TOPIC_AVOIDED,
    Limits,
    blocked_by,
    free_from,
    not_taking_until,
)

D = date
TWO_IN_MARCH = ((D(2027, 3, 4), D(2027, 3, 4)), (D(2027, 3, 20), D(2027, 3, 21)))
SUPPLY, STORY = 7, 8


@pytest.mark.parametrize(
    ("limit", "starts_on", "expected"),
    [
        (2, D(2027, 3, 28), MONTH_FULL),  # two start in March already
        (3, D(2027, 3, 28), ""),  # room for a third
        (2, D(2027, 4, 1), ""),  # the next month is free
        (2, D(2027, 2, 28), ""),  # and the one before
        (None, D(2027, 3, 28), ""),  # no limit set
    ],
)
def test_a_full_month(limit, starts_on, expected):
    limits = Limits(monthly_limit=limit, engagements=TWO_IN_MARCH)
    assert blocked_by(limits, starts_on=starts_on, ends_on=starts_on) == expected


def test_an_engagement_counts_in_the_month_it_starts():
    across = Limits(monthly_limit=1, engagements=((D(2027, 3, 31), D(2027, 4, 2)),))
    assert blocked_by(across, starts_on=D(2027, 3, 5), ends_on=D(2027, 3, 5)) == MONTH_FULL
    assert blocked_by(across, starts_on=D(2027, 4, 20), ends_on=D(2027, 4, 20)) == ""


@pytest.mark.parametrize(
    ("starts_on", "ends_on", "expected"),
    [
        (D(2027, 3, 21), D(2027, 3, 21), ""),  # the same last day: not a rest question
        (D(2027, 3, 22), D(2027, 3, 22), RESTING),  # first rest day
        (D(2027, 3, 24), D(2027, 3, 24), RESTING),  # last of three rest days
        (D(2027, 3, 25), D(2027, 3, 25), ""),  # rested
        (D(2027, 3, 17), D(2027, 3, 17), RESTING),  # its own rest would fall on the 20th
        (D(2027, 3, 16), D(2027, 3, 16), ""),  # three free days before the 20th
        (D(2027, 3, 1), D(2027, 3, 1), RESTING),  # three days before the 4th
    ],
)
def test_rest_days_edges(starts_on, ends_on, expected):
    limits = Limits(rest_days=3, engagements=TWO_IN_MARCH)
    assert blocked_by(limits, starts_on=starts_on, ends_on=ends_on) == expected


@pytest.mark.parametrize(
    ("topics", "starts_on", "ends_on", "expected"),
    [
        ({SUPPLY}, D(2027, 5, 10), D(2027, 5, 10), TOPIC_AVOIDED),  # inside
        ({SUPPLY}, D(2027, 5, 1), D(2027, 5, 1), TOPIC_AVOIDED),  # first day
        ({SUPPLY}, D(2027, 5, 31), D(2027, 5, 31), TOPIC_AVOIDED),  # last day
        ({SUPPLY}, D(2027, 6, 1), D(2027, 6, 1), ""),  # the day after
        ({SUPPLY}, D(2027, 4, 30), D(2027, 4, 30), ""),  # the day before
        ({SUPPLY}, D(2027, 4, 29), D(2027, 5, 1), TOPIC_AVOIDED),  # runs into the period
        ({STORY}, D(2027, 5, 10), D(2027, 5, 10), ""),  # another topic
        (set(), D(2027, 5, 10), D(2027, 5, 10), ""),  # no topic named
    ],
)
def test_an_avoided_topic_in_and_out_of_its_period(topics, starts_on, ends_on, expected):
    limits = Limits(avoided=((SUPPLY, D(2027, 5, 1), D(2027, 5, 31)),))
    assert blocked_by(limits, starts_on=starts_on, ends_on=ends_on, topic_ids=topics) == expected


def test_free_from_is_the_first_date_that_fits():
    limits = Limits(monthly_limit=2, rest_days=3, engagements=TWO_IN_MARCH)
    # March is full: the first of April, not rest-bound.
    assert free_from(limits, starts_on=D(2027, 3, 25), ends_on=D(2027, 3, 25)) == D(2027, 4, 1)
    topic = Limits(avoided=((SUPPLY, D(2027, 5, 1), D(2027, 5, 31)),))
    assert free_from(
        topic, starts_on=D(2027, 5, 3), ends_on=D(2027, 5, 4), topic_ids={SUPPLY}
    ) == D(2027, 6, 1)


def test_the_profile_says_until_when_nothing_can_start():
    limits = Limits(rest_days=2, engagements=((D(2027, 3, 9), D(2027, 3, 10)),))
    assert not_taking_until(limits, today=D(2027, 3, 11)) == D(2027, 3, 13)
    assert not_taking_until(limits, today=D(2027, 3, 13)) is None
    # An avoided topic never closes the profile: other requests are welcome.
    topic = Limits(avoided=((SUPPLY, D(2027, 3, 1), D(2027, 3, 31)),))
    assert not_taking_until(topic, today=D(2027, 3, 11)) is None
    assert not_taking_until(NO_LIMITS, today=D(2027, 3, 11)) is None

"""The consultant's limits at work: the request form and the booking service refuse,
matching leaves her out, the profile says until when (and its cache forgets at once);
private debrief notes; the rating reminder; the yearly-limit warning on a request."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation

from core.page_cache import store
from core.page_cache.middleware import HIT_HEADER
from networking.enums import BookingState
from networking.errors import Refused
from networking.matching import rank
from networking.models import Booking, Debrief, Preferences
from networking.selectors.capacity import request_refusal, topics_named
from networking.services.bookings import booking_request
from networking.services.capacity import avoided_topic_add, capacity_update, debrief_write
from networking.services.money import rating_create
from networking.services.opportunities import opportunity_create, opportunity_set_status
from networking.services.safety import report_create
from tests.conftest import module_world
from tests.factories import TopicFactory, published_profile
from tests.networking.conftest import booking_fields, member_world, opportunity_fields

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("capacity")]

# Every test starts from the same consultant and organization member: made once for the
# module, each test reading fresh copies inside its own savepoint.
built, world, profile, org_member = module_world(member_world, "profile", "org_member")


NOTE = "Long day; next time ask for a quiet room before the panel."


def _day(offset: int) -> date:
    return timezone.localdate() + timedelta(days=offset)


def _first_of_next_month(day: date) -> date:
    return (day.replace(day=1) + timedelta(days=32)).replace(day=1)


def _engagement(profile, org_member, starts_on, ends_on=None, state=BookingState.ACCEPTED):
    """A booking the consultant said yes to (its state and dates set directly: requested
    a month ahead, as organizations do, then moved to when it takes place)."""
    booking = booking_request(actor=org_member, consultant=profile.consultant, **booking_fields())
    Booking.objects.filter(pk=booking.pk).update(
        state=state, starts_on=starts_on, ends_on=ends_on or starts_on
    )
    booking.refresh_from_db()
    return booking


def _long_date(day: date) -> str:
    return formats.date_format(day, "DATE_FORMAT")


# The booking service refuses on its own, whichever way a request arrives.


def test_the_service_refuses_a_request_in_a_full_month(profile, org_member):
    start = _day(40)
    _engagement(profile, org_member, start)
    capacity_update(consultant=profile.consultant, monthly_limit=1, rest_days=0)
    same_month = start.replace(day=28 if start.day < 28 else 1)
    with pytest.raises(Refused) as refused:
        booking_request(
            actor=org_member,
            consultant=profile.consultant,
            **booking_fields(starts_on=same_month, ends_on=same_month),
        )
    assert str(refused.value) == (
        "This consultant is not taking requests for these dates. They take requests for "
        f"dates from {_long_date(_first_of_next_month(start))} on."
    )
    assert Booking.objects.count() == 1


def test_requests_still_waiting_do_not_fill_a_month(profile, org_member):
    capacity_update(consultant=profile.consultant, monthly_limit=1, rest_days=0)
    start = _day(40)
    booking_request(
        actor=org_member,
        consultant=profile.consultant,
        **booking_fields(starts_on=start, ends_on=start),
    )
    again = booking_request(
        actor=org_member,
        consultant=profile.consultant,
        **booking_fields(starts_on=start, ends_on=start, title="Another"),
    )
    assert again.state == BookingState.REQUESTED


@pytest.mark.parametrize(("offset", "refused"), [(1, True), (3, True), (4, False)])
def test_the_service_keeps_rest_days_after_an_engagement(profile, org_member, offset, refused):
    end = _day(30)
    _engagement(profile, org_member, end - timedelta(days=1), end)
    capacity_update(consultant=profile.consultant, monthly_limit=None, rest_days=3)
    day = end + timedelta(days=offset)
    fields = booking_fields(starts_on=day, ends_on=day, title="After")
    if refused:
        with pytest.raises(Refused, match=_long_date(end + timedelta(days=4))):
            booking_request(actor=org_member, consultant=profile.consultant, **fields)
    else:
        booking_request(actor=org_member, consultant=profile.consultant, **fields)
    assert Booking.objects.filter(title="After").exists() is not refused


def test_an_avoided_topic_is_refused_in_its_period_only(profile, org_member):
    topic = TopicFactory(name="Supply chains", name_es="Cadenas de suministro")
    avoided_topic_add(
        consultant=profile.consultant, topic=topic, starts_on=_day(10), ends_on=_day(20)
    )
    inside = booking_fields(starts_on=_day(15), ends_on=_day(15), topic="supply chains in food")
    with pytest.raises(Refused, match=_long_date(_day(21))):
        booking_request(actor=org_member, consultant=profile.consultant, **inside)
    # Named in Spanish, it is the same topic.
    spanish = {**inside, "topic": "Cadenas de suministro"}
    with pytest.raises(Refused):
        booking_request(actor=org_member, consultant=profile.consultant, **spanish)
    after = {**inside, "starts_on": _day(21), "ends_on": _day(21)}
    assert booking_request(actor=org_member, consultant=profile.consultant, **after).pk
    other = booking_fields(starts_on=_day(15), ends_on=_day(15), title="Other talk")
    assert booking_request(actor=org_member, consultant=profile.consultant, **other).pk


def test_an_opportunity_tagged_with_an_avoided_topic_is_refused(profile, org_member):
    from networking.models import Interest

    topic = TopicFactory(name="Fishing fleets")
    opportunity = opportunity_create(
        actor=org_member,
        topics=[topic],
        **opportunity_fields(starts_on=_day(15), ends_on=_day(15), deadline=_day(10)),
    )
    avoided_topic_add(
        consultant=profile.consultant, topic=topic, starts_on=_day(1), ends_on=_day(20)
    )
    interest = Interest.objects.create(
        opportunity=opportunity, consultant=profile.consultant, note="Yes", fee=500
    )
    with pytest.raises(Refused):
        booking_request(
            actor=org_member,
            consultant=profile.consultant,
            interest=interest,
            **booking_fields(starts_on=_day(15), ends_on=_day(15), topic="A panel"),
        )


# The request form says so at the dates, and keeps everything typed.


def _form_data(day: date) -> dict:
    return {
        "title": "Volunteers' evening",
        "engagement_type": "workshop",
        "topic": "Recognising exploitation",
        "starts_on": day.isoformat(),
        "ends_on": day.isoformat(),
        "format": "in_person",
        "audience_size": 30,
        "fee": "900",
        "currency": "USD",
        "cancellation_fee": "100",
        "message": "We would love to hear you.",
        "venue": "Hall 2, 5 River Road",
        "contact_name": "Noor",
        "contact_details": "noor@example.org",
        "boundaries_acknowledged": "on",
    }


def test_the_request_form_refuses_politely_and_loses_nothing(client, profile, org_member):
    end = _day(30)
    _engagement(profile, org_member, end)
    capacity_update(consultant=profile.consultant, monthly_limit=None, rest_days=5)
    client.force_login(org_member)
    url = reverse("networking:booking_new", args=[profile.consultant.public_id])
    response = client.post(url, _form_data(end + timedelta(days=2)))
    html = response.content.decode()
    assert response.status_code == 400
    assert (
        "They take requests for dates from "
        f"{_long_date(end + timedelta(days=6))} on." in html.replace("&#x27;", "'")
    )
    for typed in ("Volunteers&#x27; evening", "We would love to hear you.", "Hall 2, 5 River Road"):
        assert typed in html
    # Nothing says why: rest, months and topics are the consultant's own business.
    assert "rest" not in html.lower().split("they take requests")[0][-300:]
    assert Booking.objects.count() == 1
    accepted = client.post(url, _form_data(end + timedelta(days=6)))
    assert accepted.status_code == 302
    assert Booking.objects.count() == 2


def test_the_request_form_says_until_when_before_anything_is_typed(client, profile, org_member):
    _engagement(profile, org_member, _day(-1), state=BookingState.COMPLETED)
    capacity_update(consultant=profile.consultant, monthly_limit=None, rest_days=2)
    client.force_login(org_member)
    url = reverse("networking:booking_new", args=[profile.consultant.public_id])
    html = client.get(url).content.decode()
    assert f"Not taking requests until {_long_date(_day(2))}" in html
    main = html[html.index("<main") :]
    assert main.index("Not taking requests") < main.index("<form")
    html = client.get(url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "No acepta solicitudes hasta el" in html
    capacity_update(consultant=profile.consultant, monthly_limit=None, rest_days=0)
    assert "Not taking requests" not in client.get(url).content.decode()


def test_the_refusal_is_in_spanish(profile, org_member):
    _engagement(profile, org_member, _day(30))
    capacity_update(consultant=profile.consultant, monthly_limit=None, rest_days=2)
    with translation.override("es"):
        message = request_refusal(
            consultant_id=profile.consultant_id, starts_on=_day(31), ends_on=_day(31)
        )
    assert message.startswith("Esta persona no acepta solicitudes para estas fechas.")


# Matching: the same rule, with a fixed number of queries.


def _matchable(name, topics):
    return published_profile(
        title=name, topics=topics, rates=[("panel", 400)], country="KE", region="Nairobi"
    )


def _count_rank(opportunity) -> tuple[list, int]:
    with CaptureQueriesContext(connection) as queries:
        ranked = [cid for cid, _score in rank(opportunity)]
    return ranked, len(queries)


def test_matching_skips_consultants_at_capacity_in_a_fixed_number_of_queries(org_member):
    topic = TopicFactory(name="Labour rights")
    opportunity = opportunity_create(
        actor=org_member,
        topics=[topic],
        **opportunity_fields(starts_on=_day(30), ends_on=_day(30), deadline=_day(20)),
    )
    opportunity_set_status(opportunity=opportunity, actor=org_member, status="open")
    full, resting, avoiding, free = (
        _matchable(name, [topic]) for name in ("Full", "Resting", "Avoiding", "Free")
    )
    ranked, before = _count_rank(opportunity)
    assert {full.consultant_id, free.consultant_id} <= set(ranked)

    _engagement(full, org_member, _day(30), state=BookingState.CONFIRMED)
    capacity_update(consultant=full.consultant, monthly_limit=1, rest_days=0)
    _engagement(resting, org_member, _day(28), state=BookingState.COMPLETED)
    capacity_update(consultant=resting.consultant, monthly_limit=None, rest_days=2)
    avoided_topic_add(
        consultant=avoiding.consultant, topic=topic, starts_on=_day(29), ends_on=_day(31)
    )
    ranked, after = _count_rank(opportunity)
    assert free.consultant_id in ranked
    assert not {full.consultant_id, resting.consultant_id, avoiding.consultant_id} & set(ranked)
    # More consultants with limits cost no more queries.
    for n in range(4):
        extra = _matchable(f"Extra {n}", [topic])
        capacity_update(consultant=extra.consultant, monthly_limit=3, rest_days=1)
    ranked, more = _count_rank(opportunity)
    assert before == after == more == 7


# The profile: the date only, and never a stale copy.


def _warm(client, url):
    """The first page ever served creates the site's settings row, which forgets every
    kept page: two visits leave the profile kept."""
    client.get(url)
    client.get(url)


@pytest.mark.usefixtures("on_commit_runs", "page_cache_on")
def test_the_profile_says_until_when_and_its_cache_forgets(client, profile, org_member):
    url = profile.url
    _warm(client, url)
    cached = client.get(url)
    assert cached[HIT_HEADER] == "hit"
    assert "Not taking requests" not in cached.content.decode()

    _engagement(profile, org_member, _day(-2), _day(-1), state=BookingState.COMPLETED)
    capacity_update(consultant=profile.consultant, monthly_limit=None, rest_days=3)
    response = client.get(url)
    html = response.content.decode()
    assert HIT_HEADER not in response
    assert f"Not taking requests until {_long_date(_day(3))}" in html
    assert "rest" not in html.split("Not taking requests")[1][:80]

    client.get(url)
    capacity_update(consultant=profile.consultant, monthly_limit=None, rest_days=0)
    html = client.get(url).content.decode()
    assert "Not taking requests" not in html


@pytest.mark.usefixtures("on_commit_runs", "page_cache_on")
def test_an_accepted_engagement_that_fills_the_month_purges_the_profile(
    client, profile, org_member
):
    from networking.services.bookings import booking_transition

    capacity_update(consultant=profile.consultant, monthly_limit=1, rest_days=0)
    booking = booking_request(
        actor=org_member,
        consultant=profile.consultant,
        **booking_fields(starts_on=_day(0), ends_on=_day(0)),
    )
    _warm(client, profile.url)
    assert client.get(profile.url)[HIT_HEADER] == "hit"
    booking_transition(booking=booking, actor=profile.consultant, to=BookingState.ACCEPTED)
    html = client.get(profile.url).content.decode()
    assert f"Not taking requests until {_long_date(_first_of_next_month(_day(0)))}" in html


def test_the_profile_note_is_in_spanish(client, profile, org_member):
    _engagement(profile, org_member, _day(-1), state=BookingState.COMPLETED)
    capacity_update(consultant=profile.consultant, monthly_limit=None, rest_days=2)
    html = client.get(profile.url, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "No acepta solicitudes hasta el" in html


# The limits page.


def test_the_limits_page_saves_and_keeps_a_wrong_value(client, profile):
    client.force_login(profile.consultant)
    url = reverse("networking:capacity")
    wrong = client.post(url, {"form": "limits", "monthly_limit": "3", "rest_days": "99"})
    assert wrong.status_code == 400
    assert 'value="99"' in wrong.content.decode()
    assert not hasattr(profile.consultant, "capacity") or profile.consultant.capacity is None
    done = client.post(url, {"form": "limits", "monthly_limit": "3", "rest_days": "2"})
    assert done.status_code == 302
    profile.consultant.refresh_from_db()
    assert (profile.consultant.capacity.monthly_limit, profile.consultant.capacity.rest_days) == (
        3,
        2,
    )
    topic = TopicFactory(name="Forced marriage")
    client.post(
        url,
        {
            "form": "topic",
            "topic": topic.pk,
            "starts_on": _day(1).isoformat(),
            "ends_on": _day(9).isoformat(),
        },
    )
    page = client.get(url).content.decode()
    assert "Forced marriage" in page


def test_organizations_have_no_limits_page(client, org_member):
    client.force_login(org_member)
    assert client.get(reverse("networking:capacity")).status_code == 404


def test_the_limits_page_costs_a_fixed_number_of_queries(client, profile, org_member):
    client.force_login(profile.consultant)
    url = reverse("networking:capacity")
    client.get(url)
    capacity_update(consultant=profile.consultant, monthly_limit=10, rest_days=1)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for n in range(3):
        avoided_topic_add(
            consultant=profile.consultant,
            topic=TopicFactory(),
            starts_on=_day(n),
            ends_on=_day(n + 5),
        )
        _engagement(profile, org_member, _day(40 + 3 * n))
    with CaptureQueriesContext(connection) as three:
        client.get(url)
    assert len(one) == len(three) == 10


# Debrief notes: the consultant's alone.


@pytest.fixture
def completed(profile, org_member):
    return _engagement(profile, org_member, _day(-3), state=BookingState.COMPLETED)


def test_the_consultant_writes_a_debrief_only_she_reads(client, completed, org_member):
    consultant = completed.consultant
    client.force_login(consultant)
    url = reverse("networking:debrief", args=[completed.pk])
    assert client.post(url, {"text": NOTE}).status_code == 302
    assert client.post(url, {"text": NOTE}).status_code == 302  # sent twice: one note
    assert Debrief.objects.filter(booking=completed).count() == 1
    assert NOTE in client.get(reverse("networking:booking", args=[completed.pk])).content.decode()

    client.force_login(org_member)
    page = client.get(reverse("networking:booking", args=[completed.pk])).content.decode()
    assert NOTE not in page
    assert "debrief" not in page.lower()
    assert client.post(url, {"text": "Ours now"}).status_code == 404
    export = client.get(reverse("records_export")).content.decode()
    assert NOTE not in export
    assert Debrief.objects.get(booking=completed).text == NOTE


def test_an_empty_or_too_long_note_keeps_what_was_typed(client, completed):
    client.force_login(completed.consultant)
    url = reverse("networking:debrief", args=[completed.pk])
    long_text = "x" * 5001
    response = client.post(url, {"text": long_text})
    assert response.status_code == 400
    assert long_text in response.content.decode()
    assert not Debrief.objects.exists()


def test_no_debrief_before_completion_or_for_another_consultant(client, profile, org_member):
    confirmed = _engagement(profile, org_member, _day(5), state=BookingState.CONFIRMED)
    client.force_login(profile.consultant)
    assert (
        client.post(reverse("networking:debrief", args=[confirmed.pk]), {"text": NOTE}).status_code
        == 404
    )
    other = published_profile(title="Other Person")
    client.force_login(other.consultant)
    assert (
        client.post(reverse("networking:debrief", args=[confirmed.pk]), {"text": NOTE}).status_code
        == 404
    )
    assert not Debrief.objects.exists()


def test_editors_never_see_a_debrief(editor_client, completed):
    debrief_write(consultant=completed.consultant, booking=completed, text=NOTE)
    report_create(
        reporter=completed.consultant,
        target_kind="booking",
        target_id=completed.pk,
        organization=completed.organization,
        reason="Odd questions afterwards",
    )
    queue = editor_client.get(reverse("networking_reports:index")).content.decode()
    assert "Odd questions afterwards" in queue or completed.title in queue
    assert NOTE not in queue
    assert NOTE not in editor_client.get("/admin/").content.decode()
    from wagtail.snippets.models import get_snippet_models

    assert Debrief not in get_snippet_models()


def test_the_consultant_export_holds_her_debrief(client, completed):
    debrief_write(consultant=completed.consultant, booking=completed, text=NOTE)
    client.force_login(completed.consultant)
    notes = client.get(reverse("records_export")).json()["debrief_notes"]
    assert [(n["booking"], n["text"]) for n in notes] == [(str(completed.pk), NOTE)]


# The rating reminder.


def test_the_rating_reminder_until_the_organization_is_rated(client, completed):
    client.force_login(completed.consultant)
    booking_url = reverse("networking:booking", args=[completed.pk])
    assert "You have not rated this organization yet." in client.get(booking_url).content.decode()
    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Rate the organization, privately, after:" in dashboard
    assert completed.title in dashboard
    rating_create(
        consultant=completed.consultant, booking=completed, pay_parity=4, payment_speed=4, respect=5
    )
    assert "You have not rated" not in client.get(booking_url).content.decode()
    assert (
        "Rate the organization, privately" not in client.get(reverse("dashboard")).content.decode()
    )


# The yearly limit, before accepting.


@pytest.mark.parametrize(("fee", "warned"), [(1000, True), (999, False)])
def test_the_yearly_warning_when_accepting_would_cross_the_limit(
    client, profile, org_member, fee, warned
):
    start = _day(20)
    if start.year != timezone.localdate().year:
        start = timezone.localdate()
    Preferences.objects.create(
        user=profile.consultant, yearly_threshold=3000, yearly_threshold_currency="USD"
    )
    _engagement(profile, org_member, start, state=BookingState.CONFIRMED)  # 1200 USD
    Booking.objects.filter(consultant=profile.consultant).update(fee=2000)
    request = booking_request(
        actor=org_member,
        consultant=profile.consultant,
        **booking_fields(starts_on=start, ends_on=start, fee=fee, title="Asked"),
    )
    client.force_login(profile.consultant)
    html = client.get(reverse("networking:booking", args=[request.pk])).content.decode()
    assert ("past the limit of" in html) is warned
    client.force_login(org_member)
    html = client.get(reverse("networking:booking", args=[request.pk])).content.decode()
    assert "past the limit of" not in html


def test_no_yearly_warning_in_another_currency(client, profile, org_member):
    Preferences.objects.create(user=profile.consultant, yearly_threshold=100)
    request = booking_request(
        actor=org_member,
        consultant=profile.consultant,
        **booking_fields(starts_on=_day(1), ends_on=_day(1), currency="EUR"),
    )
    client.force_login(profile.consultant)
    html = client.get(reverse("networking:booking", args=[request.pk])).content.decode()
    assert "past the limit of" not in html


def test_removing_an_avoided_topic_of_someone_else_is_a_404(client, profile):
    from networking.models import AvoidedTopic

    other = published_profile(title="Other Person")
    avoided = avoided_topic_add(
        consultant=other.consultant, topic=TopicFactory(), starts_on=_day(1), ends_on=_day(3)
    )
    client.force_login(profile.consultant)
    url = reverse("networking:avoided_topic_remove", args=[avoided.pk])
    assert client.post(url).status_code == 404
    assert client.post(reverse("networking:avoided_topic_remove", args=[999999])).status_code == 404
    assert AvoidedTopic.objects.filter(pk=avoided.pk).exists()
    client.force_login(other.consultant)
    assert client.post(url).status_code == 302
    assert not AvoidedTopic.objects.filter(pk=avoided.pk).exists()


def test_deleting_the_account_leaves_no_debrief_or_limit(client, completed):
    from tests.factories import PASSWORD
    from tests.forensics import remnants

    consultant = completed.consultant
    debrief_write(consultant=consultant, booking=completed, text="qq-debrief-gone")
    capacity_update(consultant=consultant, monthly_limit=2, rest_days=1)
    client.force_login(consultant)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.post("/dashboard/delete-account/", {"understood": "on"})
    assert "Your account is deleted" in response.content.decode()
    assert not Debrief.objects.exists()
    assert remnants(["qq-debrief-gone"]) == []


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("A workshop on art and healing", True),
        ("Arte y sanación", True),
        ("Startups and survivor-led business", False),
        ("Partnerships with shelters", False),
    ],
)
def test_a_request_names_a_topic_only_in_whole_words(text, named):
    topic = TopicFactory(name="Art", name_es="Arte")
    assert topics_named(topic_ids=[topic.pk], text=text) == ({topic.pk} if named else set())


def test_a_debrief_leaves_kept_pages_alone(completed, django_capture_on_commit_callbacks):
    """A private note is on no public page: writing one forgets nothing that is kept."""
    before = store.generation()
    with django_capture_on_commit_callbacks(execute=True):
        debrief_write(consultant=completed.consultant, booking=completed, text=NOTE)
    assert store.generation() == before

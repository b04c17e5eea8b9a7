"""Nothing written in the circle reaches anyone outside it.

Every circle text field holds a unique marker (tests/circle/circle_world.py). Each person
outside the circle fetches every page they can reach that could show anything (the
public site, its feeds and sitemaps, their dashboard and network pages, the admin they
may open, the organization's page for the suggestion its speaker accepted) and the marker
appears nowhere; nor in any notification, e-mail or outbox entry, for anyone; and each
person's own records export holds no other member's words or name.
"""

import json
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from core.models import OutboxEntry
from networking.models import Booking, Conversation, Notification
from portfolio.models import SpeakerProfilePage, Topic
from tests.circle.circle_world import MARKER, build_world
from tests.conftest import module_world

# A marked text: the marker and the field's name after it. The bare marker is what the
# searches below ask for, which a results page may repeat.
MARKED = re.compile(rf"{MARKER}([A-Z0-9]+)", re.IGNORECASE)

# One worker builds the world once for every test here (it takes seconds); each test runs
# in its own savepoint, so what one test's requests write never reaches the next.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("circle_leaks")]

OUTSIDERS = {
    "visitor": None,
    "other organization": "other_org_member",
    "referral's organization": "org_member",
    "editor": "editor",
    "consultant not let in": "consultant",
}


def _build_world_and_its_mail() -> dict:
    mail.outbox = []
    world = build_world()
    # Kept aside: each test starts with an empty outbox.
    world["outbox"] = list(mail.outbox)
    return world


built, world = module_world(_build_world_and_its_mail)


def _public_pages(client) -> list[str]:
    pages = ["/", "/robots.txt", "/speakers/", f"/speakers/?q={MARKER}", "/speakers/feed/"]
    pages.append("/speakers/feed/atom/")
    pages += [f"/speakers/topics/{slug}/" for slug in Topic.objects.values_list("slug", flat=True)]
    for profile in SpeakerProfilePage.objects.live():
        url = profile.url
        pages += [url, f"{url}feed/", f"{url}feed/atom/", f"{url}media-kit/"]
    index = client.get("/sitemap.xml").content.decode()
    pages += ["/sitemap.xml"] + [
        re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", index)
    ]
    return pages


def _signed_in_pages(w) -> list[str]:
    pages = [
        "/dashboard/",
        reverse("networking:bookings"),
        reverse("networking:notifications"),
        reverse("networking:inbox"),
        "/admin/",
        f"/admin/search/?q={MARKER}",
        f"/admin/pages/search/?q={MARKER}",
    ]
    pages += [reverse("networking:booking", args=[b.pk]) for b in Booking.objects.all()]
    pages += [reverse("networking:conversation", args=[c.pk]) for c in Conversation.objects.all()]
    pages += [
        reverse("suggested_speakers:choose", args=[r.pk])
        for r in (w["referral"], w["referral_chosen"], w["referral_passed"])
    ]
    return pages


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("role", OUTSIDERS)
def test_no_page_an_outsider_reaches_shows_anything_of_the_circle(role, world):
    w = world
    client = Client()
    person = w[OUTSIDERS[role]] if OUTSIDERS[role] else None
    if person is not None:
        client.force_login(person)
    pages = _public_pages(client) + (_signed_in_pages(w) if person else [])
    reached, leaks = [], []
    for url in pages:
        response = client.get(url)
        if response.status_code == 200:
            reached.append(url)
        if MARKED.search(_body(response)):
            leaks.append((url, response.status_code, MARKED.findall(_body(response))))
    assert leaks == []
    # The scan must reach what it claims to: the public site, and for the referral's
    # organization the suggestion its speaker accepted.
    topic = Topic.objects.get(name="Pricing a talk").slug
    assert {"/", "/speakers/", f"/speakers/topics/{topic}/", "/sitemap.xml"} <= set(reached)
    assert "/robots.txt" in reached
    if role == "referral's organization":
        assert reverse("suggested_speakers:choose", args=[w["referral"].pk]) in reached
        assert reverse("networking:booking", args=[w["booking"].pk]) in reached


def test_no_notification_e_mail_or_outbox_entry_carries_circle_words(world):
    texts = [n.shown_text for n in Notification.objects.all()]
    texts += [json.dumps(row, default=str) for row in OutboxEntry.objects.values()]
    texts += [f"{m.subject}\n{m.body}\n{m.alternatives}" for m in world["outbox"]]
    assert len(texts) >= Notification.objects.count() > 5
    assert [t for t in texts if MARKER.lower() in t.lower()] == []


# What each person's export holds of the circle: their own words and, besides, only what
# was addressed to them or what they acted on (by the name shown to them in the circle).
# Never who reported them (Ada's post was reported by Bea, with "Reason"), who blocked them
# (Ada blocked Sam), which moderator acted (Noor), nor a moderator's note other than a
# warning to them.
EXPORTS = {
    # Own name, thread, opening post and its note, mentoring request, message and report
    # (on Cal); Bea's name and message as her mentor, Bea's note suggesting her; the block
    # she made of Sam; the warning she received.
    "ada": "Ada ContentNote Escalated MenteeMessage MentoringRequest OpeningBody "
    "ThreadTitle WarnNote Bea MentorMessage Tip Cal Sam",
    # Own name, posts, message, report (on Ada's post) and referral notes; the thread her
    # replies are in; her mentee's name and request and message; the members she suggested.
    "bea": "Bea AsMemberBody HiddenBody MentorMessage Reason Tip Tip2 ThreadTitle Ada "
    "MenteeMessage MentoringRequest Ida",
    "noor": "Noor",
    "cal": "Cal CalBody CalTitle",
    # Suggested by Bea, with her note.
    "ida": "Ida Bea Tip2",
    "sam": "Sam",
    "rosa": "Rosa ApplicationNote",
    "org_member": "",
    "editor": "",
}


def test_each_persons_own_export_holds_only_what_was_theirs(world):
    w = world
    found = {}
    for key in EXPORTS:
        client = Client()
        client.force_login(w[key])
        export = client.get(reverse("records_export")).content.decode()
        found[key] = sorted(set(MARKED.findall(export)))
    assert found == {key: sorted(words.split()) for key, words in EXPORTS.items()}

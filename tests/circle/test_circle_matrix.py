"""The whole circle's access matrix, generated from the URL conf.

Every URL pattern under /circle/, under /admin/circle/ and the organization's
/network/suggested-speakers/ must have a row in EXPECTED, or the suite fails: a new circle
address cannot ship without saying who may reach it. Each row gives, for every role, the
exact status of a GET and of a POST with plausible data; every request runs against the
same world (tests/circle/circle_world.py) and is rolled back afterwards. Only a success
(a redirect onwards) may write; a member reading a thread may move their read mark; any
other answer (404, 405, 400, a sign-in redirect) leaves every circle row, booking,
notification and outbox entry as it was. Every answer outside the admin is private,
no-store, and every page carries the base template's robots noindex.

Every POST-only circle address checks who is asking before the method: 404 for anyone
outside, 405 only for someone who may use it.
"""

import re

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from circle.models import Member
from tests.circle.circle_world import MARKER, build_world, snapshot
from tests.conftest import module_world

# One worker builds the world once for every role (it takes seconds); each role's requests
# run in the test's own savepoint and each request is rolled back besides.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("circle_matrix")]

MARKED = re.compile(rf"{MARKER}[A-Za-z0-9]+")

ROLES = (
    "visitor",
    "other organization",
    "referral's organization",
    "editor",
    "consultant",
    "applicant",
    "suspended",
    "stranger",
    "moderator",
    "owner",
)
SIGNED_IN = {
    "other organization": "other_org_member",
    "referral's organization": "org_member",
    "editor": "editor",
    "consultant": "consultant",
    "applicant": "rosa",
    "suspended": "sam",
    "stranger": "cal",  # an active member in no circle of the thread, no party to anything
    "moderator": "noor",
}


def circle_patterns() -> dict[str, str]:
    """URL name -> route, for every circle pattern in the URL conf."""

    def walk(patterns, prefix="", namespaces=()):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
                yield from walk(pattern.url_patterns, route, inner)
            elif isinstance(pattern, URLPattern):
                yield route, ":".join((*namespaces, pattern.name or "?"))

    return {
        name: route
        for route, name in walk(get_resolver().url_patterns)
        if route.startswith(("circle/", "admin/circle/", "network/suggested-speakers/"))
    }


# Each URL name: (the world's objects filling its arguments, whose object it is).
# A name with several rows (referral states) lists them as "name@variant".
def _targets(w) -> dict[str, tuple[list, str]]:
    pid = lambda key: w[key].public_id  # noqa: E731 (a one-line lookup read many times)
    targets = {
        "circle:home": ([], "ada"),
        "circle:safety": ([], "ada"),
        "circle:applicants": ([], "ada"),
        "circle:vouch": ([w["rosa"].circle_member.pk], "rosa"),
        "circle:blocks": ([], "ada"),
        "circle:block_member": ([pid("bea")], "bea"),
        "circle:unblock_member": ([pid("sam")], "ada"),
        "circle:leave": ([], "ada"),
        "circle:circles": ([], "ada"),
        "circle:circle": ([w["speaking"].slug], "ada"),
        "circle:circle_join": ([w["speaking"].slug], "ada"),
        "circle:circle_leave": ([w["speaking"].slug], "ada"),
        "circle:thread_new": ([w["speaking"].slug], "ada"),
        "circle:thread": ([w["thread"].pk], "ada"),
        "circle:post_edit": ([w["post"].pk], "ada"),
        "circle:post_delete": ([w["post"].pk], "ada"),
        "circle:search": ([], "ada"),
        "circle:settings": ([], "ada"),
        "circle:report_post": ([w["post"].pk], "ada"),
        "circle:report_member": ([pid("ada")], "ada"),
        "circle:moderation": ([], "ada"),
        "circle:moderation_log": ([], "ada"),
        "circle:report_handle": ([w["report"].pk], "bea"),
        "circle:unhide_post": ([w["hidden"].pk], "bea"),
        "circle:reinstate_member": ([pid("sam")], "sam"),
        "circle:mentoring": ([], "ada"),
        "circle:mentoring_request": ([pid("noor")], "noor"),
        "circle:mentorship": ([w["mentorship"].pk], "ada"),
        "circle:mentorship_answer": ([w["mentorship"].pk], "bea"),
        "circle:mentorship_end": ([w["mentorship"].pk], "ada"),
        "circle:referral_new": ([w["booking"].pk], "bea"),
        "circle_admin:application_decide": ([w["rosa"].circle_member.pk], "rosa"),
        "circle_admin:moderator_set": ([w["cal"].circle_member.pk], "cal"),
        "circle_admin:escalation_handle": ([w["escalated"].pk], "ada"),
        "circle_applications:index": ([], "ada"),
        "circle_applications:index_results": ([], "ada"),
        "circle_moderators:index": ([], "ada"),
        "circle_moderators:index_results": ([], "ada"),
        "circle_escalations:index": ([], "ada"),
        "circle_escalations:index_results": ([], "ada"),
    }
    for state in ("offered", "asked", "declined", "chosen", "passed", "withdrawn"):
        referral = w["referral"] if state == "offered" else w[f"referral_{state}"]
        owner = "ada" if state == "offered" else "ida"
        targets[f"circle:referral@{state}"] = ([referral.pk], owner)
        targets[f"suggested_speakers:choose@{state}"] = ([referral.pk], "org_member")
    return targets


def _posted(w) -> dict:
    """One plausible form for every address (each view reads the fields it knows)."""
    return {
        "title": "A title",
        "body": "Some words",
        "content_note": "",
        "reason": "Unkind",
        "action": "close",
        "note": "A note",
        "name": "New name",
        "wants_digest": "on",
        "topic": "speaking",
        "message": "Could you help?",
        "offers": ["media"],
        "answer": "yes",
        "erase": "keep",
        "decision": "admit",
        "appoint": "1",
        "referred": str(w["cal"].public_id),
    }


# The exact (GET/POST) status per URL (or URL@variant) and role. Outside the circle:
# a visitor, a member of another verified organization, a member of the organization whose
# request was referred, an editor who is not a member, a consultant not let in, an
# applicant, a suspended member.
OUTSIDE = """
                                    visitor org     ref-org editor  consult applied suspend
circle:home                         302/302 404/404 404/404 404/404 200/302 200/302 200/200
circle:safety                       302/302 404/405 404/405 404/405 200/405 200/405 200/405
circle:applicants                   302/302 404/404 404/404 404/404 404/404 404/404 404/404
circle:vouch                        404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:blocks                       302/302 404/404 404/404 404/404 404/404 404/404 404/404
circle:block_member                 404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:unblock_member               404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:leave                        302/302 404/404 404/404 404/404 404/404 200/302 200/302
circle:circles                      302/302 404/404 404/404 404/404 404/404 404/404 404/404
circle:circle                       404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:circle_join                  404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:circle_leave                 404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:thread_new                   404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:thread                       404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:post_edit                    404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:post_delete                  404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:search                       302/302 404/404 404/404 404/404 404/404 404/404 404/404
circle:settings                     302/302 404/404 404/404 404/404 404/404 404/404 404/404
circle:report_post                  404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:report_member                404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:moderation                   302/302 404/404 404/404 404/404 404/404 404/404 404/404
circle:moderation_log               302/302 404/404 404/404 404/404 404/404 404/404 404/404
circle:report_handle                404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:unhide_post                  404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:reinstate_member             404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:mentoring                    302/302 404/404 404/404 404/404 404/404 404/404 404/404
circle:mentoring_request            404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:mentorship                   404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:mentorship_answer            404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:mentorship_end               404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:referral_new                 404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle_admin:application_decide     302/302 404/404 404/404 405/302 404/404 404/404 404/404
circle_admin:moderator_set          302/302 404/404 404/404 405/302 404/404 404/404 404/404
circle_admin:escalation_handle      302/302 404/404 404/404 405/302 404/404 404/404 404/404
circle_applications:index           302/302 404/404 404/404 200/405 404/404 404/404 404/404
circle_applications:index_results   302/302 404/404 404/404 200/405 404/404 404/404 404/404
circle_moderators:index             302/302 404/404 404/404 200/405 404/404 404/404 404/404
circle_moderators:index_results     302/302 404/404 404/404 200/405 404/404 404/404 404/404
circle_escalations:index            302/302 404/404 404/404 200/405 404/404 404/404 404/404
circle_escalations:index_results    302/302 404/404 404/404 200/405 404/404 404/404 404/404
circle:referral@offered             404/404 404/404 404/404 404/404 404/404 404/404 404/404
suggested_speakers:choose@offered   404/404 404/404 200/302 404/404 404/404 404/404 404/404
circle:referral@asked               404/404 404/404 404/404 404/404 404/404 404/404 404/404
suggested_speakers:choose@asked     404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:referral@declined            404/404 404/404 404/404 404/404 404/404 404/404 404/404
suggested_speakers:choose@declined  404/404 404/404 404/404 404/404 404/404 404/404 404/404
circle:referral@chosen              404/404 404/404 404/404 404/404 404/404 404/404 404/404
suggested_speakers:choose@chosen    404/404 404/404 200/400 404/404 404/404 404/404 404/404
circle:referral@passed              404/404 404/404 404/404 404/404 404/404 404/404 404/404
suggested_speakers:choose@passed    404/404 404/404 200/302 404/404 404/404 404/404 404/404
circle:referral@withdrawn           404/404 404/404 404/404 404/404 404/404 404/404 404/404
suggested_speakers:choose@withdrawn 404/404 404/404 404/404 404/404 404/404 404/404 404/404
"""
# Inside: an active member who is no party (not in the thread's circle, the mentorship, the
# referral), a peer moderator, and the object's owner (see _targets).
INSIDE = """
                                    stranger mod     owner
circle:home                         200/302 200/302 200/302
circle:safety                       200/405 200/405 200/405
circle:applicants                   200/405 200/405 200/405
circle:vouch                        405/302 405/302 404/404
circle:blocks                       200/405 200/405 200/405
circle:block_member                 405/302 405/302 404/404
circle:unblock_member               404/404 404/404 405/302
circle:leave                        200/302 200/302 200/302
circle:circles                      200/405 200/405 200/405
circle:circle                       200/405 200/405 200/405
circle:circle_join                  405/302 405/302 405/302
circle:circle_leave                 405/302 405/302 405/302
circle:thread_new                   404/404 200/302 200/302
circle:thread                       404/404 200/302 200/302
circle:post_edit                    404/404 404/404 200/302
circle:post_delete                  404/404 404/404 405/302
circle:search                       200/405 200/405 200/405
circle:settings                     200/302 200/302 200/302
circle:report_post                  404/404 200/302 404/404
circle:report_member                200/302 200/302 404/404
circle:moderation                   404/404 200/405 404/404
circle:moderation_log               404/404 200/405 404/404
circle:report_handle                404/404 200/302 404/404
circle:unhide_post                  404/404 405/302 404/404
circle:reinstate_member             404/404 405/302 404/404
circle:mentoring                    200/302 200/302 200/302
circle:mentoring_request            200/302 404/404 404/404
circle:mentorship                   404/404 404/404 200/302
circle:mentorship_answer            404/404 404/404 404/404
circle:mentorship_end               404/404 404/404 405/302
circle:referral_new                 404/404 404/404 200/302
circle_admin:application_decide     404/404 404/404 404/404
circle_admin:moderator_set          404/404 404/404 404/404
circle_admin:escalation_handle      404/404 404/404 404/404
circle_applications:index           404/404 404/404 404/404
circle_applications:index_results   404/404 404/404 404/404
circle_moderators:index             404/404 404/404 404/404
circle_moderators:index_results     404/404 404/404 404/404
circle_escalations:index            404/404 404/404 404/404
circle_escalations:index_results    404/404 404/404 404/404
circle:referral@offered             404/404 404/404 200/302
suggested_speakers:choose@offered   404/404 404/404 200/302
circle:referral@asked               404/404 404/404 200/302
suggested_speakers:choose@asked     404/404 404/404 404/404
circle:referral@declined            404/404 404/404 200/404
suggested_speakers:choose@declined  404/404 404/404 404/404
circle:referral@chosen              404/404 404/404 200/404
suggested_speakers:choose@chosen    404/404 404/404 200/400
circle:referral@passed              404/404 404/404 200/404
suggested_speakers:choose@passed    404/404 404/404 200/302
circle:referral@withdrawn           404/404 404/404 200/404
suggested_speakers:choose@withdrawn 404/404 404/404 404/404
"""


def _table(*texts) -> dict[str, list[tuple[int, int]]]:
    rows = {}
    for text in texts:
        for line in text.strip().splitlines()[1:]:
            key, *cells = line.split()
            rows.setdefault(key, []).extend(tuple(map(int, c.split("/"))) for c in cells)
    return rows


EXPECTED = _table(OUTSIDE, INSIDE)


def _person(w, role, owner):
    if role == "visitor":
        return None
    return w[owner] if role == "owner" else w[SIGNED_IN[role]]


def _ask(client, method, url, data):
    """One request, rolled back afterwards; also says which tables it changed."""
    with transaction.atomic():
        before = snapshot()
        response = client.get(url) if method == "GET" else client.post(url, data)
        after = snapshot()
        transaction.set_rollback(True)
    cache.clear()  # the posting limits count in the cache, not in the database
    return response, {table for table in before if before[table] != after[table]}


def _may_write(role, method, status) -> set[str] | None:
    """What an answer may have changed (None: anything). A success is a redirect onwards;
    a member reading a thread moves their read mark; any other answer writes nothing."""
    if status == 302 and role != "visitor":
        return None
    if status == 200 and method == "GET" and role not in ("visitor", "editor"):
        return {"circle.ReadMark"}
    return set()


def _own_words(person) -> set[str]:
    """The marked texts a person wrote about themselves: their name and note."""
    member = Member.objects.filter(user=person).first() if person else None
    return {text for text in (member.name, member.note) if text} if member else set()


def _private(response) -> list[str]:
    """What a circle answer lacks of a private page: never stored, never indexed."""
    lacking = [
        part for part in ("private", "no-store") if part not in response.get("Cache-Control", "")
    ]
    html = response.get("Content-Type", "").startswith("text/html")
    page = response.content.decode() if response.status_code == 200 and html else ""
    if page and '<meta name="robots" content="noindex' not in page:
        lacking.append("noindex")
    return lacking


built, world = module_world(build_world)


def test_every_circle_url_has_a_row():
    names = set(circle_patterns())
    covered = {key.split("@")[0] for key in EXPECTED}
    assert sorted(names - covered) == []
    assert sorted(covered - names) == []


@pytest.mark.parametrize("role", ROLES)
def test_the_matrix(role, world):
    w = world
    targets = _targets(w)
    assert {key.split("@")[0] for key in targets} == set(circle_patterns())
    posted = _posted(w)
    seen, writes, public = {}, [], []
    clients = {}
    for key, (args, owner) in targets.items():
        person = _person(w, role, owner)
        if person not in clients:
            clients[person] = Client()
            if person is not None:
                clients[person].force_login(person)
        client = clients[person]
        url = reverse(key.split("@")[0], args=args)
        data = {**posted, "answer": "pass"} if key.startswith("suggested") else posted
        statuses = []
        for method in ("GET", "POST"):
            response, changed = _ask(client, method, url, data)
            statuses.append(response.status_code)
            allowed = _may_write(role, method, response.status_code)
            if allowed is not None and changed - allowed:
                writes.append((key, method, response.status_code, sorted(changed)))
            if not url.startswith("/admin/") and _private(response):
                public.append((key, method, response.status_code, _private(response)))
            # Whatever answer someone outside gets, it carries no word of the circle but
            # their own (the editors' admin queues show requests to join and passed
            # reports, by design).
            if role in ROLES[:7] and not url.startswith("/admin/"):
                words = set(MARKED.findall(response.content.decode(errors="replace")))
                if words - _own_words(person):
                    public.append((key, method, response.status_code, sorted(words)))
            if role == "visitor" and response.status_code == 302:
                assert response["Location"].startswith(("/accounts/login/", "/admin/login/")), (
                    key,
                    response["Location"],
                )
        seen[key] = tuple(statuses)
    expected = {key: row[ROLES.index(role)] for key, row in EXPECTED.items()}
    assert writes == []
    assert public == []
    assert seen == expected

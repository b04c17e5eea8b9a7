"""One world holding every kind of circle object, for the access matrix and the leak scan.

Everything is made through the circle's own services where they exist, as members make
it; the referral states a service cannot reach from one booking (declined, chosen, passed,
withdrawn) are set on rows the services made. Every text a member writes carries MARKER,
so the leak scan can look for it in whatever the outside world can fetch.
"""

from allauth.mfa.models import Authenticator
from django.apps import apps
from django.db import connection
from django.utils import timezone

from circle.enums import CircleKind, MemberStatus, ReferralStatus
from circle.models import Circle, Member, Referral
from circle.names import name_key
from circle.services import forum, membership, mentoring, moderation, referrals
from core.models import OutboxEntry
from networking.models import Booking, Notification
from networking.services.bookings import booking_request
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    TopicFactory,
    member_of,
    published_profile,
)
from tests.networking.conftest import booking_fields

MARKER = "Zqxcircle"


def mark(what: str) -> str:
    """A unique text for one field, found by looking for MARKER."""
    return f"{MARKER}{what}"


def _member(name, *, status=MemberStatus.ACTIVE, title=None, moderator=False, note=""):
    user = ConsultantFactory()
    if title:
        # Every profile on one topic, so that the scan reads a topic page listing them.
        published_profile(user, title=title, topics=[TopicFactory(name="Pricing a talk")])
    Member.objects.create(
        user=user,
        name=mark(name),
        name_key=name_key(mark(name)),
        note=note,
        status=status,
        is_moderator=moderator,
        admitted_at=timezone.now() if status != MemberStatus.APPLIED else None,
    )
    return user


def _circle(slug, position):
    return Circle.objects.create(
        name=f"Circle {slug}",
        slug=slug,
        description=f"A place for {slug}.",
        kind=CircleKind.TOPIC,
        position=position,
    )


def _with_second_factor(user):
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    return user


def build_world() -> dict:
    """People in every standing and one of every circle object; returns them by name."""
    w = {}
    w["ada"] = _member("Ada", title="Ada Stone")  # the owner: author, mentee, referred
    w["bea"] = _member("Bea", title="Bea Marsh")  # replies, mentors, refers a request
    w["noor"] = _member("Noor", moderator=True)  # the peer moderator
    w["cal"] = _member("Cal", title="Cal Ives")  # an active member who is no party
    w["ida"] = _member("Ida", title="Ida Lowe")  # referred in the other states
    w["sam"] = _member("Sam")  # suspended below, blocked by Ada
    w["rosa"] = _member("Rosa", status=MemberStatus.APPLIED, note=mark("ApplicationNote"))
    w["consultant"] = ConsultantFactory()
    w["editor"] = _with_second_factor(EditorFactory())
    w["organization"] = OrganizationFactory(name="Lakeside Learning Trust")
    w["org_member"] = member_of(w["organization"])
    w["other_org_member"] = member_of(OrganizationFactory(name="Hillside Trust"))

    w["speaking"] = _circle("speaking", 0)
    w["pricing"] = _circle("pricing", 1)
    for user in (w["ada"], w["bea"], w["noor"], w["sam"]):
        forum.circle_join(actor=user, circle=w["speaking"])
    forum.circle_join(actor=w["cal"], circle=w["pricing"])

    w["thread"] = forum.thread_start(
        actor=w["ada"],
        circle=w["speaking"],
        title=mark("ThreadTitle"),
        body=mark("OpeningBody"),
        content_note=mark("ContentNote"),
    )
    w["post"] = w["thread"].posts.get()
    w["as_member"] = forum.post_reply(
        actor=w["bea"], thread=w["thread"], body=mark("AsMemberBody"), as_member=True
    )
    w["hidden"] = forum.post_reply(actor=w["bea"], thread=w["thread"], body=mark("HiddenBody"))
    moderation.hide_post(actor=w["noor"], post=w["hidden"], note=mark("HideNote"))
    w["cal_thread"] = forum.thread_start(
        actor=w["cal"], circle=w["pricing"], title=mark("CalTitle"), body=mark("CalBody")
    )

    # An open report for the moderator, one passed to the editors, a warning, a block.
    w["report"] = moderation.report_post(actor=w["bea"], post=w["post"], reason=mark("Reason"))
    escalated = moderation.report_member(actor=w["ada"], user=w["cal"], reason=mark("Escalated"))
    w["escalated"] = moderation.escalate_report(actor=w["noor"], report=escalated)
    moderation.warn_member(actor=w["noor"], user=w["ada"], note=mark("WarnNote"))
    moderation.suspend_member(actor=w["noor"], user=w["sam"], note=mark("SuspendNote"))
    w["block"] = membership.block_member(actor=w["ada"], user=w["sam"])

    # Mentoring: Ada asks Bea, Bea says yes, both write; Noor offers what Ada asks for.
    mentoring.mentoring_interests_set(actor=w["bea"], offers=["pricing"], asks=[])
    mentoring.mentoring_interests_set(actor=w["noor"], offers=["speaking"], asks=[])
    mentoring.mentoring_interests_set(actor=w["ada"], offers=[], asks=["pricing", "speaking"])
    w["mentorship"] = mentoring.mentorship_request(
        actor=w["ada"],
        mentor=w["bea"].circle_member,
        topic="pricing",
        message=mark("MentoringRequest"),
    )
    mentoring.mentorship_answer(actor=w["bea"], mentorship=w["mentorship"], accept=True)
    mentoring.mentoring_message_send(
        actor=w["ada"], mentorship=w["mentorship"], body=mark("MenteeMessage")
    )
    mentoring.mentoring_message_send(
        actor=w["bea"], mentorship=w["mentorship"], body=mark("MentorMessage")
    )

    # Referrals: the organization asks Bea; Bea suggests Ada (who says yes) and Ida, whose
    # referral is then set to each other state in turn (one row per state).
    w["booking"] = booking_request(
        actor=w["org_member"], consultant=w["bea"], **booking_fields(message="Hello")
    )
    w["referral"] = referrals.referral_create(
        actor=w["bea"], booking=w["booking"], referred=w["ada"].circle_member, note=mark("Tip")
    )
    w["referral_asked"] = referrals.referral_create(
        actor=w["bea"], booking=w["booking"], referred=w["ida"].circle_member, note=mark("Tip2")
    )
    referrals.referral_answer(actor=w["ada"], referral=w["referral"], accept=True)
    for state in (
        ReferralStatus.DECLINED,
        ReferralStatus.CHOSEN,
        ReferralStatus.PASSED,
        ReferralStatus.WITHDRAWN,
    ):
        row = Referral.objects.get(pk=w["referral_asked"].pk)
        row.pk = None
        row.status = state
        # One row per (booking, referred): each state's copy on a booking of its own.
        row.booking = booking_request(
            actor=w["org_member"],
            consultant=w["bea"],
            **booking_fields(message="Hello", title=f"Request {state}"),
        )
        row.save()
        w[f"referral_{state}"] = row
    return w


def snapshot() -> dict:
    """Every row of every circle model, with networking's bookings and notifications and
    the outbox: a refusal must leave all of it exactly as it was. Read in plain SQL, every
    column of every row: the access matrix takes two snapshots around each of its
    requests, and the ORM's row building would cost more than the requests."""
    models = [*apps.get_app_config("circle").get_models(), Booking, Notification, OutboxEntry]
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for model in models:
            table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")  # noqa: S608 (model names)
            rows[model._meta.label] = cursor.fetchall()
    return rows

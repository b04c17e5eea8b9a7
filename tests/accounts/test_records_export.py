"""The export of one's own records holds everything Podium keeps about the person, and of
other people nothing beyond what the person can already see on the site."""

import json
from datetime import timedelta

import pytest
from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.core.files.base import ContentFile
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Comment, CommentReply, PageSubscription, Workflow
from wagtail.users.models import UserProfile

from accounts.models import User
from circle.enums import MemberStatus
from circle.models import (
    MemberBlock,
    MentoringInterest,
    MentoringMessage,
    Mentorship,
    ReadMark,
    Referral,
)
from circle.services import membership as circle_services
from circle.services import moderation as moderation_services
from cms.models import FeaturedItem, HomePage
from core.models import PodiumImage, PodiumVideo
from insight.models import ProfileViewDay
from networking.enums import BookingState
from networking.models import (
    Attachment,
    Booking,
    Conversation,
    Interest,
    Invitation,
    MatchSuggestion,
    Preferences,
    Rating,
    VerificationApplication,
)
from networking.services.bookings import booking_request
from networking.services.calendar import unavailable_add
from networking.services.capacity import avoided_topic_add, capacity_update, debrief_write
from networking.services.conversations import message_send
from networking.services.money import invoice_issue
from networking.services.opportunities import opportunity_create, opportunity_set_status
from networking.services.safety import block_create, report_create
from portfolio.models import (
    BlogPostPage,
    Language,
    PastEngagement,
    ProfileLink,
    SpeakerProfilePage,
    VideoPage,
)
from portfolio.models import Testimonial as ProfileTestimonial  # not a test class
from statements.services import statement_issue, statement_verify
from tests.circle.membership_people import circle as circle_place
from tests.circle.membership_people import joined
from tests.circle.membership_people import member as circle_member
from tests.circle.membership_people import reply as circle_reply
from tests.circle.membership_people import thread as circle_thread
from tests.core.images import jpeg_with_everything
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    RateCardEntryFactory,
    TopicFactory,
    member_of,
    published_child,
    published_profile,
)
from tests.networking.conftest import booking_fields, opportunity_fields

pytestmark = pytest.mark.django_db

PODIUM_APPS = {
    "accounts",
    "core",
    "portfolio",
    "networking",
    "circle",
    "statements",
    "insight",
    "cms",
}

# Every relation through which a row is about a person (found by related_models below),
# and where the export shows it: (whose export, section path).
EXPORTED = {
    ("account.EmailAddress", "user"): ("consultant", "account.email_addresses"),
    ("mfa.Authenticator", "user"): ("consultant", "account.second_factors"),
    ("usersessions.UserSession", "user"): ("consultant", "account.sessions"),
    ("accounts.ConsultantWorkspace", "user"): ("consultant", "account.media_collection"),
    ("wagtailusers.UserProfile", "user"): ("consultant", "admin_settings"),
    ("wagtailcore.ModelLogEntry", "user"): ("consultant", "admin_actions"),
    ("wagtaildocs.Document", "uploaded_by_user"): ("editor", "documents"),
    ("portfolio.SpeakerProfilePage", "consultant"): ("consultant", "profile"),
    ("wagtailcore.Page", "owner"): ("consultant", "profile"),
    ("portfolio.ProfileLink", "profile"): ("consultant", "profile.links"),
    ("portfolio.PastEngagement", "profile"): ("consultant", "profile.past_engagements"),
    ("portfolio.RateCardEntry", "profile"): ("consultant", "profile.rates"),
    ("portfolio.Testimonial", "profile"): ("consultant", "testimonials"),
    ("portfolio.BlogPostPage", "consultant"): ("consultant", "posts"),
    ("portfolio.VideoPage", "consultant"): ("consultant", "videos"),
    ("portfolio.VideoPage", "uploaded_video"): ("consultant", "videos"),
    ("core.PodiumImage", "uploaded_by_user"): ("consultant", "images"),
    ("core.PodiumVideo", "uploaded_by"): ("consultant", "uploaded_videos"),
    ("cms.FeaturedItem", "page"): ("consultant", "featured"),
    ("wagtailcore.Revision", "user"): ("consultant", "page_revisions"),
    ("wagtailcore.PageLogEntry", "page"): ("consultant", "page_history"),
    ("wagtailcore.PageLogEntry", "user"): ("consultant", "page_history"),
    ("wagtailcore.Comment", "page"): ("consultant", "page_comments"),
    ("wagtailcore.Comment", "user"): ("editor", "page_comments"),
    ("wagtailcore.Comment", "resolved_by"): ("consultant", "page_comments"),
    ("wagtailcore.CommentReply", "user"): ("consultant", "page_comments"),
    ("wagtailcore.PageSubscription", "page"): ("consultant", "page_subscriptions"),
    ("wagtailcore.PageSubscription", "user"): ("consultant", "page_subscriptions"),
    ("wagtailcore.WorkflowState", "requested_by"): ("consultant", "reviews"),
    ("networking.Preferences", "user"): ("consultant", "preferences"),
    ("networking.Membership", "user"): ("member", "membership"),
    ("networking.Booking", "consultant"): ("consultant", "bookings"),
    ("networking.Booking", "requested_by"): ("member", "bookings"),
    ("networking.Booking", "interest"): ("consultant", "bookings"),
    ("networking.BookingEvent", "booking"): ("consultant", "bookings.*.history"),
    ("networking.BookingEvent", "actor"): ("member", "bookings.*.history"),
    ("networking.Conversation", "consultant"): ("consultant", "conversations"),
    ("networking.Conversation", "booking"): ("consultant", "conversations"),
    ("networking.Conversation", "interest"): ("consultant", "conversations"),
    ("networking.Message", "conversation"): ("consultant", "conversations.*.messages"),
    ("networking.Message", "sender"): ("member", "conversations.*.messages"),
    ("networking.Attachment", "message"): ("consultant", "conversations.*.messages.*.attachment"),
    ("networking.Invoice", "consultant"): ("consultant", "invoices"),
    ("networking.Invoice", "booking"): ("member", "invoices"),
    ("networking.Rating", "consultant"): ("consultant", "ratings_given"),
    ("networking.Rating", "booking"): ("consultant", "organization_ratings"),
    ("networking.Interest", "consultant"): ("consultant", "interests"),
    ("networking.MatchSuggestion", "consultant"): ("consultant", "match_suggestions"),
    ("networking.UnavailableDate", "consultant"): ("consultant", "unavailable_dates"),
    ("networking.Capacity", "user"): ("consultant", "capacity"),
    ("networking.AvoidedTopic", "consultant"): ("consultant", "avoided_topics"),
    ("networking.Debrief", "consultant"): ("consultant", "debrief_notes"),
    ("networking.Debrief", "booking"): ("consultant", "debrief_notes"),
    ("networking.Notification", "user"): ("consultant", "notifications"),
    ("networking.Block", "consultant"): ("consultant", "blocks"),
    ("networking.Report", "reporter"): ("consultant", "reports_filed"),
    ("networking.Report", "handled_by"): ("editor", "reports_handled"),
    ("networking.Opportunity", "created_by"): ("member", "opportunities_created"),
    ("networking.Invitation", "invited_by"): ("member", "invitations_sent"),
    ("networking.VerificationApplication", "submitted_by"): ("member", "verification_applications"),
    ("networking.VerificationApplication", "decided_by"): ("editor", "verification_decisions"),
    ("circle.Member", "user"): ("consultant", "circle.member"),
    ("circle.Vouch", "candidate"): ("consultant", "circle.member.vouches_received"),
    ("circle.Vouch", "voucher"): ("consultant", "circle.vouches_given"),
    ("circle.MemberBlock", "blocker"): ("consultant", "circle.blocks"),
    ("circle.Participation", "user"): ("consultant", "circle.circles"),
    ("circle.Post", "author"): ("consultant", "circle.posts"),
    ("circle.ReadMark", "user"): ("consultant", "circle.read_marks"),
    ("circle.MentoringInterest", "user"): ("consultant", "circle.mentoring_interests"),
    ("circle.Mentorship", "mentor"): ("consultant", "circle.mentorships"),
    ("circle.Mentorship", "mentee"): ("consultant", "circle.mentorships"),
    ("circle.MentoringMessage", "mentorship"): ("consultant", "circle.mentorships.*.messages"),
    ("circle.MentoringMessage", "sender"): ("consultant", "circle.mentorships.*.messages"),
    ("circle.Referral", "booking"): ("consultant", "circle.referrals_made"),
    ("circle.Referral", "referred_by"): ("consultant", "circle.referrals_made"),
    ("circle.Referral", "referred"): ("consultant", "circle.referrals_received"),
    ("circle.CircleReport", "reporter"): ("consultant", "circle.reports_filed"),
    ("circle.CircleReport", "handled_by"): ("editor", "circle.reports_handled"),
    ("circle.ModerationEntry", "actor"): ("editor", "circle.moderation_steps"),
    ("circle.ModerationEntry", "subject"): ("consultant", "circle.decisions_about_me"),
    ("statements.Statement", "consultant"): ("consultant", "statements"),
    ("statements.StatementCheck", "statement"): ("consultant", "statements.*.checks"),
    ("insight.ProfileViewDay", "profile"): ("consultant", "profile_views"),
}

# Relations that reach a person but hold nothing about them worth giving back, and why.
NOT_EXPORTED = {
    ("wagtailcore.Page", "locked_by"): "a lock held while editing, released afterwards",
    ("wagtailcore.Page", "alias_of"): "Podium makes no aliases of consultants' pages",
    ("wagtailcore.Site", "root_page"): "a consultant's page is never a site's root",
    ("wagtailcore.GroupPagePermission", "page"): "rights Podium grants; the audiences are "
    "exported with the profile",
    ("wagtailcore.PageViewRestriction", "page"): "derived from the audiences exported with "
    "the profile",
    ("wagtailcore.WorkflowPage", "page"): "which review applies; the reviews are exported",
    ("wagtailcore.TaskState", "finished_by"): "an editor's review step; its outcome and "
    "comment are in the consultant's reviews",
    ("wagtailimages.Image", "uploaded_by_user"): "unused: Podium's images are core.PodiumImage",
    ("wagtailcore.UploadedFile", "uploaded_by_user"): "a temporary upload, removed once used",
    ("wagtailadmin.EditingSession", "user"): "a temporary note that an editor is open",
    ("wagtailadmin.FormState", "user"): "a temporary draft of an admin form",
    ("wagtailcore.APIToken", "user"): "a secret credential, not a record",
    ("wagtailredirects.Redirect", "redirect_page"): "an earlier address of their page, which "
    "leads to it; the current addresses are exported with the pages",
    ("networking.InvoiceSequence", "consultant"): "a counter for the next invoice number; "
    "the invoices themselves are exported",
    ("circle.Member", "admitted_by"): "which editor let a member in: the member's export says "
    "whether an editor or members did, and the council's log keeps the step",
    ("circle.MemberBlock", "blocked"): "who blocked the person: never told to them, by design",
    ("circle.CircleReport", "reported"): "reports about the person: who reported them, and "
    "why, must stay unknown to them; the decisions that reached them are exported",
    ("circle.ModerationEntry", "report"): "the report a moderation step answered; reports "
    "about a person are not theirs to read",
    ("circle.Post", "hidden_by"): "which moderator hid a post; its author's export has when",
    ("circle.Mentorship", "ended_by"): "one of the two sides, each of whose exports says "
    "whether it was them",
    ("circle.Referral", "new_booking"): "the organization's new request to the referred "
    "member, exported with that member's bookings",
}


def related_models(model, found=None) -> set:
    """(model, field) for every relation that points at the model; followed further into
    Podium's own models that belong to it (deleted with it, or protecting it)."""
    found = set() if found is None else found
    for relation in model._meta.get_fields(include_hidden=True):
        if not (relation.auto_created and relation.is_relation and not relation.concrete):
            continue
        related = relation.related_model
        key = (related._meta.label, relation.field.name)
        if related._meta.auto_created or key in found:
            continue
        found.add(key)
        owned = relation.on_delete in (models.CASCADE, models.PROTECT)
        if related._meta.app_label in PODIUM_APPS and owned:
            related_models(related, found)
    return found


def test_every_relation_to_a_person_is_exported_or_left_out_for_a_stated_reason(client):
    assert not set(EXPORTED) & set(NOT_EXPORTED)
    assert related_models(User) == set(EXPORTED) | set(NOT_EXPORTED)
    # Every section is there even when empty, so a reader can tell "none" from "not asked".
    sections = {path.split(".")[0] for _who, path in EXPORTED.values()}
    data = _export(client, ConsultantFactory())
    assert sections <= set(data)
    # The first address of the export gives the same file.
    earlier = json.loads(client.get(reverse("networking:export")).content)
    assert set(earlier) == set(data)


def _found(data, path: str) -> bool:
    """Whether the export has something at the path; "*" is any item of a list."""
    part, _dot, rest = path.partition(".")
    if part == "*":
        return any(_found(item, rest) for item in data)
    value = data[part]
    return _found(value, rest) if rest else bool(value)


def _export(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("records_export"))
    assert response["Content-Disposition"] == 'attachment; filename="podium-export.json"'
    return json.loads(response.content)


@pytest.fixture
def people():
    """A consultant, an organization member and an editor, with one of everything."""
    consultant = ConsultantFactory()
    editor = EditorFactory()
    organization = OrganizationFactory(name="Lakeside Learning Trust")
    member = member_of(organization)
    topic = TopicFactory(name="Supply chains")
    photo = PodiumImage.objects.create(
        title="Portrait",
        file=ContentFile(jpeg_with_everything(), name="portrait.jpg"),
        collection=consultant.workspace.collection,
        uploaded_by_user=consultant,
    )
    upload = PodiumVideo.objects.create(title="Keynote 2025", uploaded_by=consultant)
    profile = published_profile(
        consultant,
        title="Rosa Calder",
        headline="Trainer on fair recruitment",
        bio="<p>Fifteen years of training buyers.</p>",
        lived_experience="<p>My own words.</p>",
        lived_experience_audience="network",
        rates_audience="public",
        photo=photo,
        cover_image=photo,
        topics=[topic],
        languages=list(Language.objects.all()[:1]),
        accommodation_needs="A quiet room before sessions",
    )
    ProfileLink.objects.create(profile=profile, label="Site", url="https://example.org/rosa")
    PastEngagement.objects.create(
        profile=profile, title="Summit", organization="Harbor", date=timezone.localdate()
    )
    RateCardEntryFactory(profile=profile, engagement_type="workshop", minimum_fee=900)
    ProfileTestimonial.objects.create(
        profile=profile, text="Clear and kind.", author_name="Sam Ortiz"
    )
    published_child(profile, BlogPostPage, title="On fair pay", topics=[topic])
    published_child(profile, VideoPage, title="A talk", uploaded_video=upload)
    FeaturedItem.objects.create(home=HomePage.objects.get(), page=profile)
    Workflow.objects.get(name="Safety review").start(profile, consultant)
    comment = Comment.objects.create(
        page=profile,
        user=editor,
        text="Please shorten the bio.",
        contentpath="bio",
        revision_created=profile.latest_revision,
        resolved_by=consultant,
        resolved_at=timezone.now(),
    )
    CommentReply.objects.create(comment=comment, user=consultant, text="Done.")
    PageSubscription.objects.create(page=profile, user=consultant, comment_notifications=True)
    UserProfile.get_for_user(consultant)
    log(instance=ProfileTestimonial.objects.get(), action="wagtail.edit", user=consultant)
    get_document_model().objects.create(
        title="Guide", file=ContentFile(b"%PDF-1.4", name="guide.pdf"), uploaded_by_user=editor
    )
    for person in (consultant, editor):  # editors must use a second factor
        Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={})
    UserSession.objects.create(
        user=consultant, ip="192.0.2.1", session_key="k" * 32, user_agent="Firefox"
    )
    Preferences.objects.create(user=consultant, yearly_threshold=20000)

    fields = booking_fields()
    opportunity = opportunity_create(
        actor=member,
        **opportunity_fields(
            title="Buyer training",
            engagement_type="workshop",
            description="A day with our buyers.",
            fee=1200,
        ),
    )
    opportunity_set_status(opportunity=opportunity, actor=member, status="open")
    interest = Interest.objects.create(
        opportunity=opportunity, consultant=consultant, note="Glad to.", fee=1200
    )
    MatchSuggestion.objects.create(opportunity=opportunity, consultant=consultant, score=80, rank=1)
    booking = booking_request(actor=member, consultant=consultant, interest=interest, **fields)
    conversation = Conversation.objects.get(booking=booking)
    conversation.interest = interest
    conversation.save(update_fields=["interest"])
    message = message_send(conversation=conversation, sender=member, body="Hello there")
    Attachment.objects.create(
        message=message,
        file=ContentFile(b"%PDF-1.4", name="agenda.pdf"),
        content_type="application/pdf",
        size=8,
    )
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.COMPLETED)
    booking.refresh_from_db()
    invoice_issue(consultant=consultant, booking=booking)
    for rater in (consultant, ConsultantFactory(), ConsultantFactory()):
        published = rater.speaker_profile if rater == consultant else published_profile(rater)
        rated = (
            booking
            if rater == consultant
            else booking_request(actor=member, consultant=published.consultant, **fields)
        )
        Rating.objects.create(
            booking=rated,
            consultant=rater,
            organization=organization,
            pay_parity=4,
            payment_speed=5,
            respect=5,
        )
    unavailable_add(consultant=consultant, day=timezone.localdate() + timedelta(days=3))
    capacity_update(consultant=consultant, monthly_limit=4, rest_days=2)
    avoided_topic_add(
        consultant=consultant,
        topic=topic,
        starts_on=timezone.localdate(),
        ends_on=timezone.localdate() + timedelta(days=30),
    )
    debrief_write(consultant=consultant, booking=booking, text="Went well; ask for a break.")
    blocked = OrganizationFactory(name="Quiet Hill Agency")
    block_create(consultant=consultant, organization=blocked)
    report = report_create(
        reporter=consultant,
        target_kind="organization",
        target_id=blocked.pk,
        organization=blocked,
        reason="Asked for a fee",
    )
    report.handled_by, report.status = editor, "dismissed"
    report.save()
    Invitation.objects.create(
        organization=organization,
        email="colleague@example.org",
        invited_by=member,
        expires_at=timezone.now() + timedelta(days=7),
    )
    VerificationApplication.objects.create(
        organization=organization,
        submitted_by=member,
        decided_by=editor,
        decision="verified",
        registration_number="CH-1",
        domain_email=member.email,
        reference_name="Ada",
        reference_contact="ada@example.org",
        reference_relationship="Partner",
        pledge_accepted_at=timezone.now(),
    )
    _circle_records(consultant, editor, member)
    statement = statement_issue(
        consultant=consultant, period_start=timezone.localdate(), period_end=timezone.localdate()
    )
    statement_verify(code=statement.code, verifier_name="Jo", verifier_organization="Lettings")
    ProfileViewDay.objects.create(
        profile=profile, day=timezone.localdate(), kind="anonymous", count=2
    )
    return {"consultant": consultant, "member": member, "editor": editor, "profile": profile}


def _circle_records(consultant, editor, organization_member):
    """The consultant inside the circle: let in by two vouches, posting, vouching,
    blocking, mentoring, referring and referred, reporting, warned; an editor who handled
    a report the moderators passed on."""
    applied = circle_services.apply(actor=consultant, name="Rosa C.", note="Hello")
    other = published_profile(title="Omar Ruiz", slug="omar-ruiz")
    peer = circle_member(name="Omar", user=other.consultant)
    moderator = circle_member(name="Noor", moderator=True)
    for voucher in (peer, moderator):
        circle_services.vouch(actor=voucher.user, candidate=applied)
    place = circle_place()
    joined(place, applied, peer, moderator)
    started = circle_thread(place, applied, title="Pricing", body="What do you charge?")
    ReadMark.objects.create(thread=started, user=consultant, read_at=timezone.now())
    circle_services.vouch(actor=consultant, candidate=circle_member(MemberStatus.APPLIED))
    circle_services.block_member(actor=consultant, user=circle_member().user)
    MentoringInterest.objects.create(user=consultant, side="offer", topic="pricing")
    pairing = Mentorship.objects.create(
        mentor=consultant, mentee=peer.user, topic="pricing", message="Help?", status="active"
    )
    MentoringMessage.objects.create(mentorship=pairing, sender=consultant, body="Glad to")
    Referral.objects.create(
        booking=Booking.objects.filter(consultant=consultant).first(),
        referred_by=consultant,
        referred=peer.user,
    )
    Referral.objects.create(
        booking=booking_request(
            actor=organization_member, consultant=other.consultant, **booking_fields()
        ),
        referred_by=other.consultant,
        referred=consultant,
    )
    their_post = circle_reply(started, peer, body="Depends")
    moderation_services.report_post(actor=consultant, post=their_post, reason="Curt")
    passed_on = moderation_services.report_post(
        actor=moderator.user, post=their_post, reason="Curt again"
    )
    moderation_services.escalate_report(actor=moderator.user, report=passed_on)
    moderation_services.close_report(actor=editor, report=passed_on)
    moderation_services.warn_member(actor=moderator.user, user=consultant, note="Be kind")


def test_the_export_holds_every_kind_of_record_about_the_person(client, people):
    exports = {who: _export(client, people[who]) for who in ("consultant", "member", "editor")}

    empty = [
        f"{label}.{field} -> {who}: {path}"
        for (label, field), (who, path) in EXPORTED.items()
        if not _found(exports[who], path)
    ]
    assert empty == []
    profile = exports["consultant"]["profile"]
    own_fields = {
        f.name
        for f in SpeakerProfilePage._meta.concrete_fields
        if f.model is SpeakerProfilePage and not f.is_relation
    }
    assert own_fields - {"page_ptr"} <= set(profile)  # every field, every audience
    assert profile["lived_experience_audience"] == "network"
    assert profile["rates_audience"] == "public"
    assert profile["lived_experience"] == "<p>My own words.</p>"
    assert profile["accommodation_needs"] == "A quiet room before sessions"
    assert profile["photo_id"] == exports["consultant"]["images"][0]["id"]
    assert profile["cover_image_id"] == exports["consultant"]["images"][0]["id"]
    assert exports["consultant"]["testimonials"][0]["text"] == "Clear and kind."
    assert exports["consultant"]["posts"][0]["title"] == "On fair pay"
    assert exports["consultant"]["organization_ratings"][0]["n"] == 3


def test_the_export_shows_nothing_of_others_beyond_what_the_person_sees(client, people):
    consultant, member = people["consultant"], people["member"]
    other = published_profile(title="Mara Quill", slug="mara-quill")
    early = booking_request(actor=member, consultant=other.consultant, **booking_fields())

    raw = json.dumps(_export(client, consultant))
    assert member.email not in raw
    assert people["editor"].email not in raw
    assert "Mara Quill" not in raw
    # Their own rating and the average the site shows; never another consultant's rating.
    assert raw.count('"pay_parity"') == 2

    for_member = json.dumps(_export(client, member))
    assert consultant.email not in for_member
    assert "A quiet room before sessions" not in for_member
    assert "My own words." not in for_member

    # Before acceptance the consultant sees no venue or contact, so neither does the export.
    theirs = _export(client, other.consultant)
    requested = next(b for b in theirs["bookings"] if b["id"] == str(early.pk))
    assert "venue" not in requested
    assert "contact_details" not in requested
    assert "calendar_token" not in json.dumps(theirs)


def test_the_export_never_says_who_reported_or_blocked_the_person(client, people):
    consultant = people["consultant"]
    watcher = circle_member(name="Quiet Watcher")
    MemberBlock.objects.create(blocker=watcher.user, blocked=consultant)
    moderation_services.report_member(
        actor=watcher.user, user=consultant, reason="Secret reason about Rosa"
    )

    data = _export(client, consultant)
    raw = json.dumps(data)

    assert "Quiet Watcher" not in raw
    assert "Secret reason about Rosa" not in raw
    assert [d["note"] for d in data["circle"]["decisions_about_me"]] == ["Be kind"]
    assert data["circle"]["member"]["vouches_received"] == 2
    assert "Noor" not in json.dumps(data["circle"]["member"])

"""Read paths: every object lookup is scoped to the person asking (another's id is a 404)."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Avg, Count, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from core.money import Totals, sum_by_currency, totals_of
from core.records import fields_of
from networking.enums import (
    ACTIVE,
    AWAITING_CONSULTANT,
    AWAITING_ORGANIZATION,
    BookingState,
    MemberRole,
    OpportunityStatus,
)
from networking.models import (
    Attachment,
    Block,
    Booking,
    Conversation,
    Interest,
    Invitation,
    Invoice,
    InvoiceStatus,
    MatchSuggestion,
    Membership,
    Message,
    Notification,
    Opportunity,
    Organization,
    Preferences,
    Rating,
    Report,
    UnavailableDate,
    VerificationApplication,
)
from networking.rules import membership_of
from networking.viewer import as_viewer
from portfolio.models import SpeakerProfilePage


def organization_members(organization_id) -> QuerySet:
    return User.objects.filter(membership__organization_id=organization_id)


def organization_admins(organization_id) -> QuerySet:
    return organization_members(organization_id).filter(membership__role=MemberRole.ADMIN)


def _party_filter(user, *, prefix: str = "") -> Q:
    """Objects where the person is the consultant, or is in the organization (not blocked)."""
    if not getattr(user, "is_authenticated", False):
        return Q(pk__in=[])
    mine = Q(**{f"{prefix}consultant": user})
    membership = membership_of(user)
    if membership is not None:
        theirs = Q(**{f"{prefix}organization_id": membership.organization_id})
        hidden = as_viewer(user).hidden_from
        if hidden:
            theirs &= ~Q(**{f"{prefix}consultant_id__in": hidden})
        mine |= theirs
    return mine


def _get_or_404(queryset: QuerySet, pk):
    obj = queryset.filter(pk=pk).first()
    if obj is None:
        raise Http404
    return obj


def bookings_for(*, user) -> QuerySet:
    return Booking.objects.filter(_party_filter(user)).select_related(
        "organization", "consultant__speaker_profile"
    )


def booking_for(*, user, booking_id) -> Booking:
    return _get_or_404(
        bookings_for(user=user).select_related("conversation", "opportunity"), booking_id
    )


def booking_events(*, booking: Booking) -> QuerySet:
    return booking.events.select_related("actor")


def conversations_for(*, user) -> QuerySet:
    return (
        Conversation.objects.filter(_party_filter(user))
        .select_related(
            "organization", "consultant__speaker_profile", "booking", "interest__opportunity"
        )
        .annotate(message_count=Count("messages"))
        .order_by(F("last_message_at").desc(nulls_last=True), "-created_at")
    )


def conversation_for(*, user, conversation_id) -> Conversation:
    return _get_or_404(conversations_for(user=user), conversation_id)


def conversation_messages(*, conversation: Conversation) -> QuerySet:
    return conversation.messages.select_related("sender", "attachment")


def attachment_for(*, user, attachment_id):
    return _get_or_404(
        Attachment.objects.filter(
            message__conversation__in=conversations_for(user=user).values("pk")
        ),
        attachment_id,
    )


def organization_opportunities(*, user) -> QuerySet:
    membership = membership_of(user)
    if membership is None:
        return Opportunity.objects.none()
    return (
        Opportunity.objects.filter(organization_id=membership.organization_id)
        .select_related("organization", "language")
        .prefetch_related("topics")
        .annotate(interest_count=Count("interests", filter=Q(interests__withdrawn_at=None)))
        .order_by("-created_at")
    )


def _not_blocked_by(user) -> Q:
    return ~Q(organization__in=Block.objects.filter(consultant=user).values("organization")) & ~Q(
        organization__email_domain__in=Block.objects.filter(consultant=user).values("email_domain")
    )


def open_opportunities_for(*, consultant, filters: dict) -> QuerySet:
    """Open opportunities of organizations that can still act and that this consultant has
    not blocked; by default those matching their topics and engagement types."""
    opportunities = (
        Opportunity.objects.filter(
            status=OpportunityStatus.OPEN,
            deadline__gte=timezone.localdate(),
            organization__verification="verified",
            organization__suspended_at=None,
        )
        .filter(_not_blocked_by(consultant))
        .select_related("organization", "language")
        .prefetch_related("topics")
        .annotate(
            interested=Exists(
                Interest.objects.filter(opportunity=OuterRef("pk"), consultant=consultant)
            )
        )
        .order_by("deadline", "created_at")
    )
    if filters.get("topic"):
        opportunities = opportunities.filter(topics=filters["topic"])
    if filters.get("engagement"):
        opportunities = opportunities.filter(engagement_type=filters["engagement"])
    if filters.get("format"):
        opportunities = opportunities.filter(format=filters["format"])
    if filters.get("mine"):
        profile = getattr(consultant, "speaker_profile", None)
        if profile is not None:
            topic_ids = list(profile.topics.values_list("pk", flat=True))
            types = list(profile.rates.values_list("engagement_type", flat=True))
            match = Q()
            if topic_ids:
                match |= Q(topics__in=topic_ids)
            if types:
                match |= Q(engagement_type__in=types)
            if topic_ids or types:
                opportunities = opportunities.filter(match)
    return opportunities.distinct()


def opportunity_for(*, user, opportunity_id) -> Opportunity:
    """The organization's own (any status), or an open one a consultant may see."""
    membership = membership_of(user)
    if membership is not None:
        return _get_or_404(organization_opportunities(user=user), opportunity_id)
    if getattr(user, "is_consultant", False):
        return _get_or_404(open_opportunities_for(consultant=user, filters={}), opportunity_id)
    raise Http404


def opportunity_interests(*, opportunity: Opportunity, viewer) -> QuerySet:
    hidden = as_viewer(viewer).hidden_from
    return (
        opportunity.interests.filter(withdrawn_at=None)
        .exclude(consultant_id__in=hidden)
        .select_related("consultant__speaker_profile", "booking", "conversation")
    )


def opportunity_suggestions(*, opportunity: Opportunity, viewer, limit: int = 10) -> list:
    """The stored suggestions whose profiles the viewer may still see (audience, blocks)."""
    suggestions = list(opportunity.suggestions.all()[: limit * 3])
    visible = {
        page.consultant_id: page
        for page in as_viewer(viewer)
        .visible(
            SpeakerProfilePage.objects.filter(
                consultant_id__in=[s.consultant_id for s in suggestions]
            )
        )
        .filter(paused_at__isnull=True)
    }
    return [(s, visible[s.consultant_id]) for s in suggestions if s.consultant_id in visible][
        :limit
    ]


def interest_for_consultant(*, consultant, interest_id) -> Interest:
    return _get_or_404(
        Interest.objects.filter(consultant=consultant).select_related("opportunity"), interest_id
    )


def interest_for_organization(*, user, interest_id) -> Interest:
    membership = membership_of(user)
    if membership is None:
        raise Http404
    hidden = as_viewer(user).hidden_from
    return _get_or_404(
        Interest.objects.filter(
            opportunity__organization_id=membership.organization_id, withdrawn_at=None
        )
        .exclude(consultant_id__in=hidden)
        .select_related("opportunity", "consultant__speaker_profile"),
        interest_id,
    )


def notifications_for(*, user) -> QuerySet:
    return Notification.objects.filter(user=user)


def unread_notification_count(*, user) -> int:
    return Notification.objects.filter(user=user, read_at=None).count()


def _unread_counts(*, user) -> dict:
    """Unread notifications, and among them new messages (each message to the person
    leaves one notification until it is read), in one query."""
    return Notification.objects.filter(user=user, read_at=None).aggregate(
        unread=Count("pk"),
        unread_messages=Count("pk", filter=Q(event_key__startswith="message:")),
    )


def dashboard_summary(*, user) -> dict:
    """Counts for the dashboard, in a fixed number of queries."""
    states = dict(
        bookings_for(user=user)
        .filter(state__in=ACTIVE)
        .order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
    )
    membership = membership_of(user)
    yours = AWAITING_ORGANIZATION if membership else AWAITING_CONSULTANT
    return {
        "membership": membership,
        "organization": membership.organization if membership else None,
        "active_bookings": sum(states.values()),
        "awaiting_you": sum(states.get(state, 0) for state in yours),
        **_unread_counts(user=user),
    }


def invoices_for(*, user) -> QuerySet:
    return Invoice.objects.filter(_party_filter(user)).select_related(
        "organization", "booking", "consultant__speaker_profile"
    )


def invoice_for(*, user, invoice_id):
    return _get_or_404(invoices_for(user=user), invoice_id)


RATINGS_SHOWN_FROM = 3


def organization_ratings(*, organization_ids) -> dict:
    """Average ratings per organization, only where at least three consultants rated it
    (fewer could identify who said what)."""
    rows = (
        Rating.objects.filter(organization_id__in=organization_ids)
        .values("organization_id")
        .annotate(
            n=Count("pk"),
            pay_parity=Avg("pay_parity"),
            payment_speed=Avg("payment_speed"),
            respect=Avg("respect"),
        )
        .filter(n__gte=RATINGS_SHOWN_FROM)
    )
    return {row.pop("organization_id"): row for row in rows}


def earnings(*, consultant, year: int) -> dict:
    """Paid invoices this year, by month and by organization, and what is still owed.

    Every amount is a Totals: one sum per currency, never one figure across currencies.
    """
    paid = list(
        Invoice.objects.filter(
            consultant=consultant, status=InvoiceStatus.PAID, paid_on__year=year
        ).select_related("organization")
    )
    by_month = defaultdict(Totals)
    by_organization = defaultdict(Totals)
    for invoice in paid:
        by_month[invoice.paid_on.month].add(invoice.currency, invoice.amount)
        by_organization[invoice.organization.name].add(invoice.currency, invoice.amount)
    total = totals_of((invoice.currency, invoice.amount) for invoice in paid)
    outstanding = sum_by_currency(
        Invoice.objects.filter(
            consultant=consultant, status__in=[InvoiceStatus.SENT, InvoiceStatus.OVERDUE]
        ),
        "amount",
    )
    confirmed = sum_by_currency(
        Booking.objects.filter(
            consultant=consultant,
            state=BookingState.CONFIRMED,
            starts_on__year=year,
            invoices__isnull=True,
        ),
        "fee",
    )
    threshold, threshold_currency = (
        Preferences.objects.filter(user=consultant)
        .values_list("yearly_threshold", "yearly_threshold_currency")
        .first()
    ) or (None, None)
    expected = total + outstanding + confirmed
    return {
        "year": year,
        "total": total,
        "outstanding": outstanding,
        "confirmed": confirmed,
        "expected": expected,
        "by_month": sorted(by_month.items()),
        # Largest first, by the largest amount in any one currency.
        "by_organization": sorted(
            by_organization.items(), key=lambda item: (-max(item[1].values()), item[0])
        ),
        "invoices": paid,
        **_threshold_warning(expected, threshold, threshold_currency),
    }


def _threshold_warning(expected: Totals, threshold, currency) -> dict:
    """Warn from 90% of the yearly limit on, counting what is invoiced and confirmed too,
    in the limit's own currency: other currencies are not converted, and the page says so.
    """
    if not threshold:
        return {"threshold": None, "near_threshold": False, "threshold_other_currencies": []}
    counted = expected.get(currency, Decimal(0))
    return {
        "threshold": totals_of([(currency, threshold)]),
        "threshold_expected": totals_of([(currency, counted)]),
        "near_threshold": counted >= threshold * Decimal("0.9"),
        "threshold_other_currencies": [
            c for c, _amount in expected.items_sorted() if c != currency
        ],
    }


def public_appearances(*, consultant_id) -> list:
    return list(
        Booking.objects.filter(
            consultant_id=consultant_id,
            state=BookingState.CONFIRMED,
            show_publicly=True,
            ends_on__gte=timezone.localdate(),
        )
        .select_related("organization")
        .order_by("starts_on")[:10]
    )


# Written by the organization; the consultant sees them only from acceptance on.
RELEASED_DETAILS = ("venue", "contact_name", "contact_details")


def _booking_record(booking: Booking, user) -> dict:
    hidden = ("consultant", "organization", "requested_by")
    if booking.consultant_id == user.pk and not booking.details_released:
        hidden += RELEASED_DETAILS
    return {
        **fields_of(booking, exclude=hidden),
        "organization": booking.organization.name,
        "history": [
            {
                **fields_of(event, exclude=("booking", "actor")),
                "by_me": event.actor_id == user.pk,
                "to": event.to_state,
            }
            for event in booking.events.all()
        ],
    }


def _message_record(message, user) -> dict:
    attachment = getattr(message, "attachment", None)
    return {
        **fields_of(message, exclude=("conversation", "sender")),
        "from_me": message.sender_id == user.pk,
        # The names the first version of the export used, for anyone who reads them.
        "at": message.created_at,
        "text": message.body,
        "attachment": {
            "content_type": attachment.content_type,
            "size": attachment.size,
            "link": reverse("networking:attachment", args=[attachment.pk]),
        }
        if attachment
        else None,
    }


def records_of(*, user) -> dict:
    """What the network holds about a person, for the export of their own records: their
    (or their organization's) bookings, messages and invoices, their settings, and what
    they did; of other people only what they can see on the site already."""
    bookings = bookings_for(user=user).prefetch_related("events")
    conversations = conversations_for(user=user).prefetch_related(
        Prefetch("messages", queryset=Message.objects.select_related("attachment"))
    )
    organization_ids = {b.organization_id for b in bookings}
    shown_ratings = organization_ratings(organization_ids=organization_ids)
    names = dict(Organization.objects.filter(pk__in=organization_ids).values_list("pk", "name"))
    membership = Membership.objects.filter(user=user).select_related("organization").first()
    return {
        "preferences": [
            # The calendar token is a key to a private feed, not a fact about the person.
            fields_of(preferences, exclude=("user", "calendar_token"))
            for preferences in Preferences.objects.filter(user=user)
        ],
        "membership": {
            "organization": membership.organization.name,
            "role": membership.role,
            "joined_at": membership.joined_at,
        }
        if membership
        else None,
        "bookings": [_booking_record(booking, user) for booking in bookings],
        "conversations": [
            {
                **fields_of(conversation, exclude=("consultant", "organization")),
                "organization": conversation.organization.name,
                "messages": [_message_record(m, user) for m in conversation.messages.all()],
            }
            for conversation in conversations
        ],
        "invoices": [
            {
                **fields_of(invoice, exclude=("consultant", "organization")),
                "organization": invoice.organization.name,
            }
            for invoice in invoices_for(user=user)
        ],
        "ratings_given": [
            {**fields_of(rating, exclude=("consultant",)), "organization": rating.organization.name}
            for rating in Rating.objects.filter(consultant=user).select_related("organization")
        ],
        # As the site shows them: averages of three or more, never one person's rating.
        "organization_ratings": [
            {"organization": names[pk], **averages} for pk, averages in shown_ratings.items()
        ],
        "interests": [
            {
                **fields_of(interest, exclude=("consultant",)),
                "opportunity": interest.opportunity.title,
            }
            for interest in Interest.objects.filter(consultant=user).select_related("opportunity")
        ],
        "match_suggestions": [
            {**fields_of(s, exclude=("consultant",)), "opportunity": s.opportunity.title}
            for s in MatchSuggestion.objects.filter(consultant=user).select_related("opportunity")
        ],
        "unavailable_dates": list(
            UnavailableDate.objects.filter(consultant=user).values_list("date", flat=True)
        ),
        "notifications": [
            fields_of(notification, exclude=("user",))
            for notification in Notification.objects.filter(user=user)
        ],
        "blocks": [
            {
                **fields_of(block, exclude=("consultant", "organization")),
                "organization": block.organization.name,
            }
            for block in Block.objects.filter(consultant=user).select_related("organization")
        ],
        "reports_filed": [
            fields_of(report, exclude=("reporter", "handled_by"))
            for report in Report.objects.filter(reporter=user)
        ],
        "opportunities_created": [
            fields_of(opportunity, exclude=("created_by",))
            for opportunity in Opportunity.objects.filter(created_by=user)
        ],
        "invitations_sent": [
            fields_of(invitation, exclude=("invited_by", "token"))
            for invitation in Invitation.objects.filter(invited_by=user)
        ],
        "verification_applications": [
            fields_of(application, exclude=("submitted_by", "decided_by"))
            for application in VerificationApplication.objects.filter(submitted_by=user)
        ],
        # What an editor decided, without the details of those they decided about.
        "verification_decisions": list(
            VerificationApplication.objects.filter(decided_by=user).values(
                "id", "decision", "decided_at"
            )
        ),
        "reports_handled": list(
            Report.objects.filter(handled_by=user).values("id", "status", "handled_at")
        ),
    }

"""Services check their actor's permission themselves: the view is not the only guard.

Each service is called directly by someone who must not do it; it refuses and writes
nothing.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from networking.enums import BookingState, OpportunityStatus
from networking.errors import Forbidden, Hidden
from networking.models import (
    Block,
    Booking,
    Invitation,
    Invoice,
    Membership,
    Opportunity,
    Organization,
    Rating,
    Report,
    UnavailableDate,
    VerificationApplication,
)
from networking.services import bookings, calendar, money, opportunities, organizations, safety
from tests.factories import ConsultantFactory, OrganizationFactory, member_of
from tests.networking.conftest import opportunity_fields

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(organization):
    """A member of the organization who is not one of its administrators."""
    return member_of(organization, role="member")


@pytest.fixture
def stranger_admin(db):
    """The administrator of another organization."""
    return member_of(OrganizationFactory())


def test_only_its_own_administrators_change_an_organization(
    organization, colleague, stranger_admin
):
    for actor in (colleague, stranger_admin):
        with pytest.raises(Forbidden):
            organizations.organization_update(
                organization=organization, actor=actor, name="Taken over"
            )
    assert Organization.objects.get(pk=organization.pk).name == "Lakeside Learning Trust"


def test_only_its_own_administrators_invite(organization, colleague, stranger_admin):
    for actor in (colleague, stranger_admin):
        with pytest.raises(Forbidden):
            organizations.invitation_create(
                organization=organization,
                actor=actor,
                email=f"new@{organization.email_domain}",
                role="admin",
            )
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_only_its_own_administrators_remove_members(
    organization, org_member, colleague, stranger_admin
):
    for actor in (colleague, stranger_admin):
        with pytest.raises(Forbidden):
            organizations.member_remove(
                organization=organization, actor=actor, member_id=org_member.public_id
            )
    assert Membership.objects.filter(user=org_member, organization=organization).exists()


def test_only_its_own_administrators_apply_for_verification(stranger_admin, colleague):
    organization = OrganizationFactory(verification="unverified", verified_at=None)
    outsider_member = member_of(organization, role="member")
    for actor in (outsider_member, stranger_admin, colleague):
        with pytest.raises(Forbidden):
            organizations.verification_apply(
                organization=organization,
                actor=actor,
                pledge=True,
                registration_number="123",
                domain_email=actor.email,
            )
    assert not VerificationApplication.objects.exists()
    assert Organization.objects.get(pk=organization.pk).verification == "unverified"


def test_only_editors_decide_verification_and_reports(org_member, profile):
    organization = OrganizationFactory(verification="pending", verified_at=None)
    application = VerificationApplication.objects.create(
        organization=organization,
        submitted_by=member_of(organization),
        registration_number="1",
        domain_email=f"a@{organization.email_domain}",
        pledge_accepted_at=timezone.now(),
    )
    for actor in (org_member, profile.consultant):
        with pytest.raises(Forbidden):
            organizations.verification_decide(application=application, editor=actor, approve=True)
    application.refresh_from_db()
    assert application.decision == ""
    assert Organization.objects.get(pk=organization.pk).verification == "pending"
    report = safety.report_create(
        reporter=profile.consultant,
        target_kind="organization",
        target_id=str(organization.pk),
        organization=organization,
        reason="Asked for money",
    )
    with pytest.raises(Forbidden):
        safety.report_handle(report=report, editor=org_member, action="suspended")
    assert Report.objects.get(pk=report.pk).status == "open"
    assert Organization.objects.get(pk=organization.pk).suspended_at is None


def _opportunity(actor) -> Opportunity:
    return opportunities.opportunity_create(actor=actor, **opportunity_fields())


def test_another_organization_cannot_touch_an_opportunity(org_member, stranger_admin):
    opportunity = _opportunity(org_member)
    with pytest.raises(Hidden):
        opportunities.opportunity_set_status(
            opportunity=opportunity, actor=stranger_admin, status=OpportunityStatus.OPEN
        )
    with pytest.raises(Hidden):
        opportunities.opportunity_update(
            opportunity=opportunity,
            actor=stranger_admin,
            title="Changed",
            **{
                k: getattr(opportunity, k)
                for k in ("starts_on", "ends_on", "deadline", "description")
            },
            pay_parity_attested=True,
        )
    opportunity.refresh_from_db()
    assert (opportunity.status, opportunity.title) == (OpportunityStatus.DRAFT, "Panel")


def test_a_consultant_cannot_post_an_opportunity(profile):
    with pytest.raises(Forbidden):
        _opportunity(profile.consultant)
    assert not Opportunity.objects.exists()


def test_only_the_consultant_invoices_rates_and_lists_a_booking(booking, org_member):
    other = ConsultantFactory()
    Booking.objects.filter(pk=booking.pk).update(
        state=BookingState.COMPLETED, starts_on=timezone.localdate()
    )
    booking.refresh_from_db()
    for actor in (other, org_member):
        with pytest.raises(Hidden):
            money.invoice_issue(consultant=actor, booking=booking)
        with pytest.raises(Hidden):
            money.rating_create(
                consultant=actor, booking=booking, pay_parity=5, payment_speed=5, respect=5
            )
        with pytest.raises(Hidden):
            bookings.booking_show_publicly(consultant=actor, booking=booking, show=True)
    assert not Invoice.objects.exists()
    assert not Rating.objects.exists()
    assert Booking.objects.get(pk=booking.pk).show_publicly is False


def test_only_the_consultant_marks_an_invoice_paid(booking, org_member):
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.CONFIRMED)
    booking.refresh_from_db()
    invoice = money.invoice_issue(consultant=booking.consultant, booking=booking)
    for actor in (ConsultantFactory(), org_member):
        with pytest.raises(Hidden):
            money.invoice_mark_paid(consultant=actor, invoice=invoice)
    assert Invoice.objects.get(pk=invoice.pk).paid_on is None


def test_only_the_organization_writes_a_testimonial(booking, stranger_admin):
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.COMPLETED)
    booking.refresh_from_db()
    for actor in (booking.consultant, stranger_admin):
        with pytest.raises(Hidden):
            money.testimonial_write(author=actor, booking=booking, text="Great", author_name="X")
    assert Booking.objects.get(pk=booking.pk).testimonial_written_at is None


def test_a_blocked_organization_cannot_write_a_testimonial(booking, org_member):
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.COMPLETED)
    booking.refresh_from_db()
    safety.block_create(consultant=booking.consultant, organization=booking.organization)
    with pytest.raises(Hidden):
        money.testimonial_write(author=org_member, booking=booking, text="Hi", author_name="X")
    assert Booking.objects.get(pk=booking.pk).testimonial_written_at is None


def test_only_consultants_block_and_keep_a_calendar(org_member, stranger_admin, organization):
    with pytest.raises(Forbidden):
        safety.block_create(consultant=stranger_admin, organization=organization)
    assert not Block.objects.exists()
    with pytest.raises(Forbidden):
        calendar.unavailable_add(
            consultant=org_member, day=timezone.localdate() + timedelta(days=3)
        )
    with pytest.raises(Forbidden):
        calendar.calendar_token_reset(consultant=org_member)
    assert not UnavailableDate.objects.exists()

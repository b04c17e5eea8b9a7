"""Fictional networking demo content: organizations, opportunities, bookings in every
state, messages, invoices and an editors' queue, so `make run` shows living dashboards.

Every name is invented. Organizations, their verification, interest and reports go
through the services a person's actions call. Written directly, and why: bookings with
their history and messages (the services refuse back-dated work, which a demo needs), and
opportunities (posting needs the member's second factor, which the demo accounts set up
themselves, as the README says).
"""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.utils import timezone

from accounts import services as account_services
from accounts.enums import Role
from accounts.models import User
from core.media.images import scrubbed_file
from core.money import Currency
from networking import demo_capacity
from networking.enums import BookingState as S
from networking.enums import OpportunityStatus, ReportTarget, Verification
from networking.matching import opportunity_match
from networking.models import (
    Booking,
    BookingEvent,
    Conversation,
    Invoice,
    Message,
    Opportunity,
    Organization,
)
from networking.services import opportunities as opportunity_services
from networking.services import organizations, safety
from networking.services.money import invoice_number_next
from networking.services.notifications import notify
from portfolio import demo_images
from portfolio.models import Topic

ORGANIZATIONS = [
    # (name, kind, domain, verification, suspended, admin e-mail, country, description)
    (
        "Riverside Learning Collective",
        "ngo",
        "example.org",
        Verification.VERIFIED,
        False,
        "organization@example.org",
        "US",
        "Trains social workers and teachers to recognise exploitation.",
    ),
    (
        "Northgate Health Network",
        "company",
        "northgate.example",
        Verification.VERIFIED,
        False,
        "programs@northgate.example",
        "CA",
        "A network of community clinics.",
    ),
    (
        "Open Shelter Coalition",
        "ngo",
        "openshelter.example",
        Verification.PENDING,
        False,
        "hello@openshelter.example",
        "GB",
        "Emergency housing providers.",
    ),
    (
        "Brightline Events",
        "event",
        "brightline.example",
        Verification.UNVERIFIED,
        False,
        "team@brightline.example",
        "AU",
        "Conference organisers.",
    ),
    (
        "Silver Gate Talent Agency",
        "company",
        "silvergate.example",
        Verification.VERIFIED,
        True,
        "bookings@silvergate.example",
        "",
        "Says it places speakers at events.",
    ),
]


def load(password: str) -> None:
    if Organization.objects.filter(name=ORGANIZATIONS[0][0]).exists():
        return  # already loaded
    orgs = {row[0]: _organization(row, password) for row in ORGANIZATIONS}
    riverside, northgate = orgs[ORGANIZATIONS[0][0]], orgs[ORGANIZATIONS[1][0]]
    lina = User.objects.get(email="consultant@example.org")
    opportunities = _opportunities(riverside, northgate)
    opportunity_services.interest_express(
        consultant=lina,
        opportunity=opportunities[0],
        note="I have run this training for school staff twice this year.",
        fee=700,
    )
    _bookings(lina, riverside, northgate, orgs["Silver Gate Talent Agency"])
    demo_capacity.load(lina, riverside, northgate)
    for opportunity in opportunities:
        if opportunity.status == OpportunityStatus.OPEN:
            opportunity_match(opportunity=opportunity)
    notify(
        user=lina,
        event_key="demo:welcome",
        text="There is news about a booking.",
        url="/network/bookings/",
    )


def _organization(row, password) -> Organization:
    name, kind, domain, verification, suspended, email, country, description = row
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User.objects.create_user(email=email, password=password)
        account_services.user_register(user=user, role=Role.ORGANIZATION)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    organization = organizations.organization_create(
        user=user,
        name=name,
        kind=kind,
        email_domain=domain,
        website=f"https://{domain}" if domain != "example.org" else "",
        country=country,
        description=description,
    )
    # A generated mark, scrubbed like an uploaded logo (networking.forms.OrganizationForm).
    mark = scrubbed_file(ContentFile(demo_images.logo(ORGANIZATIONS.index(row)), name="logo.png"))
    organization.logo.save(mark.name, mark, save=True)
    if verification in (Verification.PENDING, Verification.VERIFIED):
        application = _application(organization, user)
        if verification == Verification.VERIFIED:
            editor = User.objects.get(email="editor@example.org")
            organizations.verification_decide(application=application, editor=editor, approve=True)
    if suspended:
        safety.organization_suspend(organization=organization)
    organization.refresh_from_db()
    return organization


def _application(organization, user):
    return organizations.verification_apply(
        organization=organization,
        actor=user,
        pledge=True,
        registration_number=f"CH-{4471203 + len(organization.name)}",
        domain_email=user.email,
        reference_name="Priya Natarajan",
        reference_contact="+44 20 7946 0000",
        reference_relationship="Commissions our emergency beds for the city council.",
    )


def _opportunities(riverside, northgate) -> list[Opportunity]:
    today = timezone.localdate()
    rows = [
        (
            riverside,
            "Recognising labour exploitation: a day for school staff",
            "workshop",
            ["Labour exploitation", "Youth and prevention"],
            "in_person",
            45,
            900,
            OpportunityStatus.OPEN,
        ),
        (
            riverside,
            "Keynote for our spring safeguarding conference",
            "keynote",
            ["Survivor-informed policy"],
            "hybrid",
            70,
            1500,
            OpportunityStatus.OPEN,
        ),
        (
            northgate,
            "Reviewing our clinic intake questions",
            "review",
            ["Healthcare and trauma"],
            "virtual",
            30,
            1200,
            OpportunityStatus.OPEN,
        ),
        (
            riverside,
            "Advisory panel for a new youth programme",
            "advisory",
            ["Youth and prevention"],
            "virtual",
            90,
            2000,
            "draft",
        ),
        (
            northgate,
            "Grand rounds talk",
            "keynote",
            ["Healthcare and trauma"],
            "in_person",
            20,
            800,
            "filled",
        ),
    ]
    made = []
    for org, title, kind, topic_names, fmt, days, fee, status in rows:
        start = today + timedelta(days=days)
        opportunity = Opportunity.objects.create(
            organization=org,
            created_by=org.memberships.first().user,
            title=title,
            engagement_type=kind,
            description=(
                "We are looking for a survivor-leader to lead this with us. We pay the fee "
                "below, cover the expenses marked, and will not ask about personal history."
            ),
            format=fmt,
            country=org.country,
            starts_on=start,
            ends_on=start,
            fee=fee,
            currency=Currency.USD,
            covers_travel=fmt != "virtual",
            covers_lodging=fmt != "virtual",
            pay_parity_attested_at=timezone.now(),
            deadline=start - timedelta(days=14),
            status=status,
            opened_at=timezone.now() if status != "draft" else None,
        )
        opportunity.topics.set(Topic.objects.filter(name__in=topic_names))
        made.append(opportunity)
    return made


def _bookings(lina, riverside, northgate, silvergate) -> None:
    today = timezone.localdate()
    member = {org.pk: org.memberships.first().user for org in (riverside, northgate, silvergate)}
    rows = [
        # (organization, title, days from today, path of states, fee)
        (riverside, "Staff training: spotting forced labour", 50, [S.REQUESTED], 800),
        (northgate, "Trauma-informed intake workshop", 35, [S.REQUESTED, S.ACCEPTED], 950),
        (riverside, "Panel on housing after exploitation", 25, [S.REQUESTED, S.COUNTERED], 600),
        (northgate, "Keynote: care that listens", 20, [S.REQUESTED, S.ACCEPTED, S.CONFIRMED], 1500),
        (
            riverside,
            "Workshop for caseworkers",
            -30,
            [S.REQUESTED, S.ACCEPTED, S.CONFIRMED, S.COMPLETED],
            700,
        ),
        (
            northgate,
            "Advisory session on outreach",
            -60,
            [S.REQUESTED, S.ACCEPTED, S.CONFIRMED, S.COMPLETED],
            1100,
        ),
        (riverside, "Evening talk for volunteers", 15, [S.REQUESTED, S.DECLINED], 300),
        (
            northgate,
            "Regional conference workshop",
            10,
            [S.REQUESTED, S.ACCEPTED, S.CONFIRMED, S.CANCELLED],
            900,
        ),
        (riverside, "Podcast interview", -5, [S.REQUESTED, S.EXPIRED], 250),
    ]
    for org, title, days, path, fee in rows:
        _booking(lina, org, member[org.pk], title, today + timedelta(days=days), path, fee)
    _scam_attempt(lina, silvergate, member[silvergate.pk], today)


def _booking(lina, org, requester, title, start, path, fee) -> Booking:
    now = timezone.now()
    final = path[-1]
    booking = Booking.objects.create(
        consultant=lina,
        organization=org,
        requested_by=requester,
        title=title,
        engagement_type="workshop",
        topic=title,
        starts_on=start,
        ends_on=start,
        format="in_person",
        audience_size=40,
        fee=fee + (150 if S.COUNTERED in path else 0),
        cancellation_fee=200,
        cancellation_fee_due=200 if final == S.CANCELLED else None,
        message="Thank you for considering this. Parking and a quiet room are available.",
        boundaries_acknowledged_at=now,
        venue="Room 4, Civic Learning Centre, 200 Harbour Road",
        contact_name="Jordan Ellis",
        contact_details="+1 555 0142",
        consultant_contact="Through Podium messages, please." if final != S.REQUESTED else "",
        state=final,
        state_changed_at=now,
    )
    previous = ""
    for step, state in enumerate(path):
        actor = (
            None
            if state == S.EXPIRED
            else lina
            if state in (S.ACCEPTED, S.DECLINED, S.COUNTERED, S.COMPLETED)
            else requester
        )
        BookingEvent.objects.create(
            booking=booking,
            from_state=previous,
            to_state=state,
            actor=actor,
            fee=booking.fee if state in (S.REQUESTED, S.COUNTERED) else None,
            at=now - timedelta(days=len(path) - step),
        )
        previous = state
    conversation = Conversation.objects.create(
        consultant=lina, organization=org, booking=booking, last_message_at=now
    )
    Message.objects.create(
        conversation=conversation,
        sender=requester,
        body="Hello Lina, we would be glad to have you. Do you have any questions?",
    )
    if final in (S.CONFIRMED, S.COMPLETED):
        Message.objects.create(
            conversation=conversation,
            sender=lina,
            body="Thank you. Could you send the room plan a week before?",
        )
    if final == S.COMPLETED:
        # The older engagement was paid; the recent one is past its due date.
        unpaid = start > timezone.localdate() - timedelta(days=45)
        Invoice.objects.create(
            booking=booking,
            consultant=lina,
            organization=org,
            number=invoice_number_next(consultant=lina, year=start.year),
            amount=booking.fee,
            currency=Currency.USD,
            issued_on=start,
            due_on=start + timedelta(days=20),
            status="overdue" if unpaid else "paid",
            paid_on=None if unpaid else start + timedelta(days=15),
        )
    return booking


def _scam_attempt(lina, silvergate, requester, today) -> None:
    """A request from an "agency" that asked for a fee: flagged, reported, suspended."""
    booking = _booking(
        lina,
        silvergate,
        requester,
        "Paid speaking tour",
        today - timedelta(days=3),
        [S.REQUESTED, S.EXPIRED],
        5000,
    )
    message = Message.objects.create(
        conversation=booking.conversation,
        sender=requester,
        body="To confirm the tour you must pay the visa fee of $450 by Western Union first.",
        scam_signals=[
            "asks you to pay a visa, permit or processing fee",
            "asks for a wire or money transfer",
        ],
    )
    safety.scam_report_create(
        target_kind=ReportTarget.MESSAGE,
        target_id=message.pk,
        organization=silvergate,
        signals=["asks you to pay a visa, permit or processing fee"],
    )
    safety.report_create(
        reporter=lina,
        target_kind=ReportTarget.ORGANIZATION,
        target_id=str(silvergate.pk),
        organization=silvergate,
        reason="They asked me to pay before a booking.",
    )

"""Fictional demo data for insight: a year of completed, paid engagements between the demo
consultants and invented organizations, the fair-rate snapshot made from them, and a week
of profile-view counters for the demo consultant. Every name is invented.

The past engagements are written as history: the booking services only make bookings for
dates ahead, and what insight reads is the finished record (a completed booking and its
paid fee invoice). Runs after the networking demo; loading twice adds nothing.
"""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from core.media.images import scrubbed_file
from insight.enums import VisitorKind
from insight.models import ProfileViewDay
from insight.services import fair_rates_refresh
from networking.enums import BookingState, EventFormat, Verification
from networking.models import Booking, Invoice, Organization
from networking.models.money import InvoiceStatus
from networking.services.money import invoice_number_next
from portfolio import demo_images

# Invented organizations in North America, where the demo's published cell is.
ORGANIZATIONS = [
    ("Lakeshore Community Foundation", "ngo", "lakeshore.example", "US"),
    ("Prairie Justice Institute", "university", "prairiejustice.example", "CA"),
    ("Cedar Valley Transit Authority", "government", "cedarvalley.example", "US"),
]
# Past the networking demo's organizations, so each mark differs from theirs.
LOGO_SEED = 10
# Keynotes, virtual, in US dollars: six consultants and four organizations, so the cell
# is published. (consultant e-mail, fees)
KEYNOTES = [
    ("consultant@example.org", [900, 1100]),
    ("speaker01@example.org", [750]),
    ("speaker02@example.org", [1200, 1000, 1300]),
    ("speaker03@example.org", [650]),
    ("speaker05@example.org", [1500]),
    ("speaker06@example.org", [850, 950]),
]
# In-person workshops: only three consultants so far, so "not enough data yet".
WORKSHOPS = [
    ("speaker01@example.org", [1800]),
    ("speaker07@example.org", [2200]),
    ("speaker08@example.org", [1600]),
]
# (days ago, kind of visitor, views) for the demo consultant's profile.
VIEWS = [
    (0, VisitorKind.ANONYMOUS, 6),
    (1, VisitorKind.ANONYMOUS, 9),
    (1, VisitorKind.ORG_NGO, 2),
    (2, VisitorKind.CONSULTANT, 1),
    (3, VisitorKind.ANONYMOUS, 4),
    (4, VisitorKind.ORG_UNIVERSITY, 1),
    (5, VisitorKind.ANONYMOUS, 7),
    (6, VisitorKind.ORG_GOVERNMENT, 1),
]


def _organization(index: int, name: str, kind: str, domain: str, country: str) -> Organization:
    organization = Organization.objects.create(
        name=name,
        kind=kind,
        email_domain=domain,
        website=f"https://{domain}",
        country=country,
        verification=Verification.VERIFIED,
        verified_at=timezone.now(),
    )
    # A generated mark, scrubbed like an uploaded logo, as the networking demo's have.
    mark = scrubbed_file(ContentFile(demo_images.logo(LOGO_SEED + index), name="logo.png"))
    organization.logo.save(mark.name, mark, save=True)
    return organization


def _organizations() -> list[Organization]:
    made = [_organization(i, *row) for i, row in enumerate(ORGANIZATIONS)]
    return [*made, Organization.objects.get(name="Riverside Learning Collective")]


def _past_engagement(consultant, organization, fee, *, engagement_type, fmt, days_ago, n):
    today = timezone.localdate()
    day = today - timedelta(days=days_ago)
    booking = Booking.objects.create(
        consultant=consultant,
        organization=organization,
        title=f"{organization.name}: {engagement_type} {n}",
        engagement_type=engagement_type,
        topic="Recognising and responding to exploitation",
        starts_on=day,
        ends_on=day,
        format=fmt,
        audience_size=120,
        fee=Decimal(fee),
        currency="USD",
        boundaries_acknowledged_at=timezone.now(),
        venue="Online" if fmt == EventFormat.VIRTUAL else "Main hall",
        contact_name="Events team",
        contact_details=f"events@{organization.email_domain}",
        state=BookingState.COMPLETED,
        state_changed_at=timezone.now(),
    )
    issued_on = day + timedelta(days=1)
    Invoice.objects.create(
        booking=booking,
        consultant=consultant,
        organization=organization,
        number=invoice_number_next(consultant=consultant, year=issued_on.year),
        amount=booking.fee,
        currency="USD",
        issued_on=issued_on,
        due_on=issued_on + timedelta(days=30),
        status=InvoiceStatus.PAID,
        paid_on=issued_on + timedelta(days=7 + 9 * (n % 4)),
    )


def _engagements(rows, organizations, *, engagement_type, fmt) -> None:
    n = 0
    for email, fees in rows:
        consultant = User.objects.get(email=email)
        for fee in fees:
            n += 1
            _past_engagement(
                consultant,
                organizations[n % len(organizations)],
                fee,
                engagement_type=engagement_type,
                fmt=fmt,
                days_ago=20 + 23 * n,
                n=n,
            )


def load() -> None:
    if Organization.objects.filter(name=ORGANIZATIONS[0][0]).exists():
        return  # already loaded
    organizations = _organizations()
    _engagements(KEYNOTES, organizations, engagement_type="keynote", fmt=EventFormat.VIRTUAL)
    _engagements(WORKSHOPS, organizations, engagement_type="workshop", fmt=EventFormat.IN_PERSON)
    today = timezone.localdate()
    fair_rates_refresh(today=today)
    profile = User.objects.get(email="consultant@example.org").speaker_profile
    for days_ago, kind, count in VIEWS:
        ProfileViewDay.objects.update_or_create(
            profile=profile,
            day=today - timedelta(days=days_ago),
            kind=kind,
            defaults={"count": count},
        )

"""Organizations, their members and bookings, as networking's services leave them.

Organization m is "Organization 0000m" at org0000m.bench.example with one administrator
(member@org0000m.bench.example, a verified address and a TOTP authenticator, in the
network group once the organization is verified, as network_access_sync does). Booking j
carries a request key derived from j, so a rerun adds only the missing ones; each has its
conversation and one BookingEvent per state it went through, as networking.services
.bookings records them.
"""

import uuid
from datetime import timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from accounts.enums import Role
from accounts.models import User
from bench import gen_people, gen_rows, gen_tree
from networking.enums import BookingState as S
from networking.models import Booking, BookingEvent, Conversation, Membership, Organization
from portfolio.enums import NETWORK_GROUP

KINDS = ["ngo", "government", "company", "event", "university", "faith", "other"]
PATHS = [
    [S.REQUESTED],
    [S.REQUESTED, S.ACCEPTED],
    [S.REQUESTED, S.ACCEPTED, S.CONFIRMED],
    [S.REQUESTED, S.ACCEPTED, S.CONFIRMED, S.COMPLETED],
    [S.REQUESTED, S.DECLINED],
    [S.REQUESTED, S.ACCEPTED, S.CONFIRMED, S.CANCELLED],
    [S.REQUESTED, S.EXPIRED],
]
BOOKING_KEYS = uuid.UUID("6f1d2c0e-0b1e-4d5a-9a57-b3e5c0a1d000")


def domain(m: int) -> str:
    return f"org{m:05d}.{gen_people.DOMAIN}"


def member_email(m: int) -> str:
    return f"member@{domain(m)}"


def is_verified(m: int) -> bool:
    return m % 10 != 9


@transaction.atomic
def organizations(count: int) -> int:
    existing = set(
        Organization.objects.filter(email_domain__endswith=f".{gen_people.DOMAIN}").values_list(
            "email_domain", flat=True
        )
    )
    numbers = [m for m in range(count) if domain(m) not in existing]
    if not numbers:
        return 0
    now = timezone.now()
    unusable = make_password(None)
    Organization.objects.bulk_create(
        Organization(
            name=f"Organization {m:05d}",
            kind=KINDS[m % len(KINDS)],
            email_domain=domain(m),
            verification="verified" if is_verified(m) else "pending",
            verified_at=now if is_verified(m) else None,
        )
        for m in numbers
    )
    organizations = {
        o.email_domain: o
        for o in Organization.objects.filter(email_domain__in=map(domain, numbers))
    }
    User.objects.bulk_create(
        User(email=member_email(m), role=Role.ORGANIZATION, password=unusable) for m in numbers
    )
    users = {u.email: u for u in User.objects.filter(email__in=map(member_email, numbers))}
    EmailAddress.objects.bulk_create(
        EmailAddress(
            user=users[member_email(m)], email=member_email(m), verified=True, primary=True
        )
        for m in numbers
    )
    Membership.objects.bulk_create(
        Membership(organization=organizations[domain(m)], user=users[member_email(m)], role="admin")
        for m in numbers
    )
    Authenticator.objects.bulk_create(
        Authenticator(user=users[member_email(m)], type=Authenticator.Type.TOTP, data={})
        for m in numbers
    )
    network = Group.objects.get(name=NETWORK_GROUP)
    network.user_set.add(*(users[member_email(m)] for m in numbers if is_verified(m)))
    return len(numbers)


def booking_key(j: int) -> uuid.UUID:
    return uuid.uuid5(BOOKING_KEYS, str(j))


@transaction.atomic
def bookings(count: int, *, consultants: int, organizations: int) -> int:
    keys = {booking_key(j): j for j in range(count)}
    existing = set(
        Booking.objects.filter(request_key__in=list(keys)).values_list("request_key", flat=True)
    )
    numbers = [j for key, j in keys.items() if key not in existing]
    if not numbers:
        return 0
    verified = [m for m in range(organizations) if is_verified(m)]
    orgs = dict(
        Organization.objects.filter(email_domain__in=[domain(m) for m in verified]).values_list(
            "email_domain", "pk"
        )
    )
    members = dict(
        User.objects.filter(email__in=[member_email(m) for m in verified]).values_list(
            "email", "pk"
        )
    )
    people = dict(
        User.objects.filter(
            email__in=[gen_people.email(n) for n in range(consultants)]
        ).values_list("email", "pk")
    )
    now = timezone.now()
    today = timezone.localdate()
    made, paths = [], []
    booking = gen_rows.columns(Booking)
    for j in numbers:
        m = verified[j % len(verified)]
        path = PATHS[j % len(PATHS)]
        start = today + timedelta(days=j % 365 - 180)
        fee = Decimal(300 + (j * 37) % 2700)
        made.append(
            booking.complete(  # its id (a UUID) made here: the conversation and events need it
                {
                    "consultant_id": people[gen_people.email((j * 7) % consultants)],
                    "organization_id": orgs[domain(m)],
                    "requested_by_id": members[member_email(m)],
                    "title": f"Bench booking {j:05d}: staff workshop",
                    "engagement_type": "workshop",
                    "topic": "Safer recruitment practice",
                    "starts_on": start,
                    "ends_on": start,
                    "format": ["virtual", "in_person", "hybrid"][j % 3],
                    "audience_size": 20 + j % 200,
                    "fee": fee,
                    "currency": "USD",
                    "cancellation_fee": Decimal(100),
                    "cancellation_fee_due": Decimal(100) if path[-1] == S.CANCELLED else None,
                    "message": "Thank you for considering this.",
                    "boundaries_acknowledged_at": now,
                    "venue": "Room 4, Civic Learning Centre",
                    "contact_name": "Bench Contact",
                    "contact_details": "+1 555 0100",
                    "state": path[-1],
                    "state_changed_at": now,
                    "request_key": booking_key(j),
                }
            )
        )
        paths.append(path)
    gen_tree.write(Booking, made)
    gen_tree.write(
        Conversation,
        [
            {
                "consultant_id": b["consultant_id"],
                "organization_id": b["organization_id"],
                "booking_id": b["id"],
            }
            for b in made
        ],
    )
    events = []
    for booking, path in zip(made, paths, strict=True):
        previous = ""
        for step, state in enumerate(path):
            actor = (
                None
                if state == S.EXPIRED
                else booking["consultant_id"]
                if state in (S.ACCEPTED, S.DECLINED, S.COMPLETED)
                else booking["requested_by_id"]
            )
            events.append(
                {
                    "booking_id": booking["id"],
                    "from_state": previous,
                    "to_state": state,
                    "actor_id": actor,
                    "fee": booking["fee"] if state == S.REQUESTED else None,
                    "at": now - timedelta(days=len(path) - step),
                }
            )
            previous = state
    gen_tree.write(BookingEvent, events)
    return len(made)

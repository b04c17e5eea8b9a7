"""Demo limits on work: Lina's own limits and debrief, and a consultant whose month is full."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from networking.enums import BookingState as S
from networking.models import Booking, BookingEvent
from networking.services import capacity as capacity_services
from portfolio.models import Topic


def load(lina, riverside, northgate) -> None:
    """Lina's own limits and one private debrief; Sophie Laurent's month is full, so her
    profile says from when she takes requests again."""
    today = timezone.localdate()
    capacity_services.capacity_update(consultant=lina, monthly_limit=4, rest_days=1)
    capacity_services.avoided_topic_add(
        consultant=lina,
        topic=Topic.objects.get(name="Healthcare and trauma"),
        starts_on=today + timedelta(days=60),
        ends_on=today + timedelta(days=120),
    )
    completed = Booking.objects.get(consultant=lina, title="Workshop for caseworkers")
    capacity_services.debrief_write(
        consultant=lina,
        booking=completed,
        text=(
            "The group was warm and asked good questions. Next time: ask for the break "
            "before the case studies, and keep the last half hour for their own cases."
        ),
    )
    sophie = User.objects.filter(email="speaker07@example.org").first()
    if sophie is None:
        return
    first = today.replace(day=1)
    for org, title, start in (
        (riverside, "Talk on economic independence", first),
        (northgate, "Workshop on savings and credit", today),
    ):
        state = S.COMPLETED if start < today else S.CONFIRMED
        now = timezone.now()
        booking = Booking.objects.create(
            consultant=sophie,
            organization=org,
            requested_by=org.memberships.first().user,
            title=title,
            engagement_type="workshop",
            topic=title,
            starts_on=start,
            ends_on=start,
            format="virtual",
            audience_size=30,
            fee=700,
            boundaries_acknowledged_at=now,
            venue="Online, link sent on acceptance",
            contact_name="Jordan Ellis",
            contact_details="+1 555 0142",
            state=state,
            state_changed_at=now,
        )
        BookingEvent.objects.create(booking=booking, from_state="", to_state=state, at=now)
    capacity_services.capacity_update(consultant=sophie, monthly_limit=2, rest_days=0)

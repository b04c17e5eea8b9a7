"""An engagement listed on a public profile leaves every cached copy the moment the
consultant unlists it or it is cancelled: its date and organization can say where she
will be."""

import pytest

from core.page_cache.middleware import HIT_HEADER
from networking.enums import BookingState
from networking.models import Booking
from networking.services.bookings import booking_show_publicly

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs", "page_cache_on")]

TITLE = "Spring training day"


@pytest.fixture
def listed(booking):
    Booking.objects.filter(pk=booking.pk).update(state=BookingState.CONFIRMED)
    booking.refresh_from_db()
    booking_show_publicly(consultant=booking.consultant, booking=booking, show=True)
    return booking


def _cached_with_title(client, url):
    client.get(url)
    again = client.get(url)
    assert again[HIT_HEADER] == "hit"
    assert TITLE in again.content.decode()


def test_unlisting_an_engagement_purges_the_cached_profile(client, listed):
    url = listed.consultant.speaker_profile.url
    _cached_with_title(client, url)
    booking_show_publicly(consultant=listed.consultant, booking=listed, show=False)
    response = client.get(url)
    assert HIT_HEADER not in response
    assert TITLE not in response.content.decode()


def test_a_cancelled_engagement_leaves_the_cached_profile(client, listed):
    url = listed.consultant.speaker_profile.url
    _cached_with_title(client, url)
    listed.state = BookingState.CANCELLED
    listed.save(update_fields=["state"])
    response = client.get(url)
    assert HIT_HEADER not in response
    assert TITLE not in response.content.decode()

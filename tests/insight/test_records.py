"""A consultant's export of her own records holds her profile's view counters."""

import pytest
from django.utils import timezone

from accounts.selectors import records_export
from insight.models import ProfileViewDay
from tests.factories import published_profile

pytestmark = pytest.mark.django_db


def test_export_holds_the_counters_of_my_profile_and_no_one_elses():
    mine = published_profile(title="Rosa Calder")
    theirs = published_profile(title="Iris Vale")
    today = timezone.localdate()
    ProfileViewDay.objects.create(profile=mine, day=today, kind="anonymous", count=3)
    ProfileViewDay.objects.create(profile=mine, day=today, kind="consultant", count=1)
    ProfileViewDay.objects.create(profile=theirs, day=today, kind="anonymous", count=9)

    exported = records_export(user=mine.consultant)["profile_views"]
    assert [(row["day"], row["kind"], row["count"]) for row in exported] == [
        (today, "anonymous", 3),
        (today, "consultant", 1),
    ]
    assert all(row["profile_id"] == mine.pk for row in exported)
    assert records_export(user=theirs.consultant)["profile_views"][0]["count"] == 9

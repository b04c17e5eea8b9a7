"""A consultant's own profile-view counters in her export of her own records."""

from core.records import fields_of
from insight.models import ProfileViewDay


def records_of(*, user) -> dict:
    return {
        "profile_views": [
            fields_of(row, exclude=("id",))
            for row in ProfileViewDay.objects.filter(profile__consultant=user).order_by(
                "day", "kind"
            )
        ]
    }

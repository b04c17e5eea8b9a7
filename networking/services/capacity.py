"""The consultant's limits and private debrief notes: every write to them happens here."""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from networking.errors import Forbidden, Hidden, Refused
from networking.models import AvoidedTopic, Booking, Capacity, Debrief
from networking.viewer import as_viewer
from portfolio.cache_purge import profile_purge
from portfolio.models import SpeakerProfilePage, Topic

MAX_AVOIDED_AHEAD_DAYS = 730
MAX_AVOIDED_TOPICS = 50


def _require_consultant(consultant) -> None:
    if not as_viewer(consultant).has_perm("networking.set_capacity"):
        raise Forbidden(_("Only consultants set limits on their work."))


def limits_changed(*, consultant_id) -> None:
    """What the profile says ("not taking requests until") may have changed: every cache
    forgets it, now and once the change is committed (profile_purge does both), as for
    any other change to the profile."""
    profile = SpeakerProfilePage.objects.filter(consultant_id=consultant_id).first()
    if profile is not None:
        profile_purge(profile=profile)


@transaction.atomic
def capacity_update(*, consultant, monthly_limit: int | None, rest_days: int) -> Capacity:
    _require_consultant(consultant)
    row, _created = Capacity.objects.select_for_update().get_or_create(user=consultant)
    row.monthly_limit, row.rest_days = monthly_limit, rest_days
    row.full_clean()
    row.save()
    limits_changed(consultant_id=consultant.pk)
    return row


@transaction.atomic
def avoided_topic_add(*, consultant, topic: Topic, starts_on, ends_on) -> AvoidedTopic:
    _require_consultant(consultant)
    today = timezone.localdate()
    if ends_on < starts_on:
        raise Refused(_("The last date cannot be before the first date."), field="ends_on")
    if ends_on < today or ends_on > today + timedelta(days=MAX_AVOIDED_AHEAD_DAYS):
        raise Refused(_("Choose an end date from today up to two years ahead."), field="ends_on")
    # The row that holds the limits also serialises one consultant's changes.
    Capacity.objects.select_for_update().get_or_create(user=consultant)
    same = AvoidedTopic.objects.filter(
        consultant=consultant, topic=topic, starts_on=starts_on, ends_on=ends_on
    ).first()
    if same is not None:  # the same form sent twice
        return same
    if AvoidedTopic.objects.filter(consultant=consultant).count() >= MAX_AVOIDED_TOPICS:
        raise Refused(_("Remove a topic you no longer avoid before adding another."))
    avoided = AvoidedTopic.objects.create(
        consultant=consultant, topic=topic, starts_on=starts_on, ends_on=ends_on
    )
    limits_changed(consultant_id=consultant.pk)
    return avoided


@transaction.atomic
def avoided_topic_remove(*, consultant, avoided_id: int) -> None:
    _require_consultant(consultant)
    deleted, _by_model = AvoidedTopic.objects.filter(consultant=consultant, pk=avoided_id).delete()
    if not deleted:  # someone else's, or already gone: the same answer
        raise Hidden(_("Not found."))
    limits_changed(consultant_id=consultant.pk)


def debrief_write(*, consultant, booking: Booking, text: str) -> Debrief:
    """The consultant's private note on a completed engagement; writing again replaces it."""
    if not as_viewer(consultant).has_perm("networking.write_debrief", booking):
        raise Hidden(_("Not found."))
    text = text.strip()
    if not text:
        raise Refused(_("Write a few words, or leave the note as it was."))
    try:
        with transaction.atomic():
            debrief, _created = Debrief.objects.update_or_create(
                booking=booking, consultant=consultant, defaults={"text": text[:5000]}
            )
    except IntegrityError:  # the same note sent twice at once: the first one stands
        debrief = Debrief.objects.get(booking=booking)
        debrief.text = text[:5000]
        debrief.save(update_fields=["text", "updated_at"])
    return debrief

from django.core.exceptions import ValidationError
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext as _

from accounts.signals import account_deleting, account_exporting
from networking import selectors
from networking.enums import MemberRole
from networking.models import Booking, Membership
from portfolio.cache_purge import profile_purge
from portfolio.models import SpeakerProfilePage


@receiver(account_deleting)
def keep_an_administrator(sender, user, **kwargs):
    """The last administrator of an organization with other members hands over first.

    The organization itself stays when its last member goes: consultants' bookings and
    invoices with it are their records too.
    """
    membership = Membership.objects.filter(user=user, role=MemberRole.ADMIN).first()
    if membership is None:
        return
    others = Membership.objects.filter(organization_id=membership.organization_id).exclude(
        user=user
    )
    if others.exists() and not others.filter(role=MemberRole.ADMIN).exists():
        raise ValidationError(_("Make another member of your organization an administrator first."))


@receiver(account_exporting)
def export_records(sender, user, **kwargs):
    return selectors.records_of(user=user)


@receiver(post_save, sender=Booking)
def purge_listed_engagement(sender, instance, update_fields=None, **kwargs):
    """An engagement the consultant lists shows on her public profile (its date and the
    organization say where she will be): any change to it, unlisting included, purges
    the profile's addresses from shared caches in front, not only the server's cache."""
    unlisted = update_fields is not None and "show_publicly" in update_fields
    if not (instance.show_publicly or unlisted):
        return
    profile = SpeakerProfilePage.objects.filter(consultant_id=instance.consultant_id).first()
    if profile is not None:
        profile_purge(profile=profile)

from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext as _

from accounts.signals import account_deleting, account_exporting
from networking import selectors
from networking.enums import MemberRole
from networking.models import Membership


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

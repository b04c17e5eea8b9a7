from django.dispatch import receiver

from accounts.signals import account_deleting, account_exporting
from circle.selectors.records import records_of
from circle.services.membership import erase_for_account_deletion


@receiver(account_deleting)
def erase_circle(sender, user, **kwargs):
    """An account that goes takes everything it wrote in the circle with it, as leaving
    with "remove everything I wrote" does; the database alone would keep posts, authorless."""
    erase_for_account_deletion(user=user)


@receiver(account_exporting)
def export_records(sender, user, **kwargs):
    return records_of(user=user)

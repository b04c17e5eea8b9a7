from django.dispatch import receiver

from accounts.signals import account_exporting
from insight.records import records_of


@receiver(account_exporting)
def export_records(sender, user, **kwargs):
    return records_of(user=user)

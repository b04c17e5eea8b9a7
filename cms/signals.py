from django.dispatch import receiver

from accounts.signals import account_exporting
from cms import selectors


@receiver(account_exporting)
def export_records(sender, user, **kwargs):
    return selectors.featuring_of(user=user)

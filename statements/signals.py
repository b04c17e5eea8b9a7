from django.dispatch import receiver

from accounts.signals import account_exporting
from statements.records import records_of


# A deleted account takes its statements and their checks with it through the database
# cascade (Statement.consultant), so their codes then answer like codes never issued.
@receiver(account_exporting)
def export_records(sender, user, **kwargs):
    return records_of(user=user)

"""Notifications recorded in Spanish (the language of whoever triggered them) go back to
the English they were written in, so that each is shown in its reader's language."""

from django.db import migrations
from django.utils import translation


def forwards(apps, schema_editor):
    Notification = apps.get_model("networking", "Notification")
    catalog = translation.trans_real.translation("es")._catalog
    english = {
        spanish: msgid
        for msgid, spanish in catalog.items()
        if isinstance(msgid, str) and spanish != msgid
    }
    for pk, text in Notification.objects.values_list("pk", "text").iterator():
        if text in english:
            Notification.objects.filter(pk=pk).update(text=english[text][:200])


class Migration(migrations.Migration):
    dependencies = [("networking", "0010_country_from_a_list")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

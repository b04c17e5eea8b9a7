"""The Wagtail admin's language follows the language each person chose on the site."""

from django.db import migrations


def forwards(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    UserProfile = apps.get_model("wagtailusers", "UserProfile")
    for pk, language in User.objects.exclude(language="").values_list("pk", "language"):
        profile, _created = UserProfile.objects.get_or_create(user_id=pk)
        if not profile.preferred_language:
            profile.preferred_language = language
            profile.save(update_fields=["preferred_language"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0004_user_language"),
        ("wagtailusers", "0015_userprofile_keyboard_shortcuts"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

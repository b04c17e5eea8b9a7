"""Editors create and describe the circles (never delete one: that would erase what the
members wrote). What members write is not a snippet and stays out of the admin."""

from django.db import migrations

ACTIONS = ("add", "change", "view")


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    editors = Group.objects.filter(name="Editors").first()
    if editors is None:
        return
    content_type, _ = ContentType.objects.get_or_create(app_label="circle", model="circle")
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_circle",
            defaults={"name": f"Can {action} circle"},
        )
        editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("circle", "0003_forum_post_send_key"),
        ("accounts", "0003_editors_group"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]

"""Names in the circle become unique as a reader takes them in. Members already sharing one
keep it in the order they asked to join: the first keeps it, the next get " 2", " 3"; a
name the forum uses for posts without one (or one with nothing visible) becomes
"Member <id>"."""

from django.db import migrations, models

from circle.names import name_key, reserved_keys


def fill_name_keys(apps, schema_editor):
    Member = apps.get_model("circle", "Member")
    name_max = Member._meta.get_field("name").max_length
    key_max = Member._meta.get_field("name_key").max_length
    reserved = reserved_keys()
    taken = set()
    for member in Member.objects.order_by("applied_at", "pk"):
        base = member.name
        key = name_key(base)
        if not key or key in reserved or len(key) > key_max:
            base = f"Member {member.pk}"
            key = name_key(base)
        name, number = base, 2
        while key in taken:
            suffix = f" {number}"
            name = base[: name_max - len(suffix)].rstrip() + suffix
            key = name_key(name)
            number += 1
        taken.add(key)
        member.name, member.name_key = name, key
        member.save(update_fields=["name", "name_key"])


class Migration(migrations.Migration):
    dependencies = [("circle", "0004_editors_keep_circles")]

    operations = [
        migrations.AddField(
            model_name="member",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=480),
            preserve_default=False,
        ),
        # Going back drops the keys; the names changed here stay as they are.
        migrations.RunPython(fill_name_keys, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="member",
            constraint=models.UniqueConstraint(fields=("name_key",), name="circle_member_name_once"),
        ),
    ]

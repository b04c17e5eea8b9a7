"""On PostgreSQL, an index for what search matches: Wagtail's database backend matches a
query against an entry's title and body together (`title || body`), which its separate
indexes on each cannot answer, so every search read the entry of every profile."""

from django.db import migrations

INDEX = "podium_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0012_speaker_profile_cover_image"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]

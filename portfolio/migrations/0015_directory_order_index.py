"""On PostgreSQL, an index that hands the directory its pages of profiles in name order.

The directory and each topic page list live profiles by name (`title`, then `pk`, both
on Wagtail's page table) and show twenty at a time. Without an index in that order the
database read every live profile and sorted them all to return twenty: the work grew with
the number of consultants. This index holds the live pages of each type in name order,
so PostgreSQL walks the profiles' entries from the first name onwards and checks each
against the viewer's audiences, blocks and filters on the profile's own row (one lookup
by primary key each), stopping once it has the page: about one page's worth of rows,
whatever the number of consultants.

It lives on Wagtail's table because that is where the name and `live` are; created here
(as the search index of 0013 is) because only this app asks for that order. Partial on
`live`: a listing never shows an unpublished page, and drafts are left out of it.
"""

from django.db import migrations

INDEX = "podium_page_live_type_title"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page "
            "(content_type_id, title, id) WHERE live"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0014_monthly_limit_moved_to_networking"),
    ]

    operations = [migrations.RunPython(create, drop)]

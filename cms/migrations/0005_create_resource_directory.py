from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, 4 characters a level


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(4, "0")


def create_resource_directory(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("cms.HomePage")
    ResourceIndexPage = apps.get_model("cms.ResourceIndexPage")
    if ResourceIndexPage.objects.exists():
        return
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="cms", model="resourceindexpage")
    ResourceIndexPage.objects.create(
        title="Where to get help",
        draft_title="Where to get help",
        slug="resources",
        content_type=page_type,
        path=home.path + _step(home.numchild + 1),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}resources/",
        locale_id=home.locale_id,
        live=True,
        intro=(
            "Free, confidential services for survivors and the people who support them. "
            "You do not need an account to use this page."
        ),
    )
    HomePage.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


def remove_resource_directory(apps, schema_editor):
    apps.get_model("cms.ResourceIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cms", "0004_resources")]

    operations = [migrations.RunPython(create_resource_directory, remove_resource_directory)]

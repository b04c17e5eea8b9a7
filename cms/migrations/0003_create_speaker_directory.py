from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, 4 characters a level


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(4, "0")


def create_directory(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("cms.HomePage")
    SpeakerIndexPage = apps.get_model("portfolio.SpeakerIndexPage")
    if SpeakerIndexPage.objects.exists():
        return
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    page_type, _ = ContentType.objects.get_or_create(
        app_label="portfolio", model="speakerindexpage"
    )
    SpeakerIndexPage.objects.create(
        title="Speakers",
        draft_title="Speakers",
        slug="speakers",
        content_type=page_type,
        path=home.path + _step(home.numchild + 1),
        depth=home.depth + 1,
        numchild=0,
        url_path=f"{home.url_path}speakers/",
        locale_id=home.locale_id,
        intro=(
            "Survivor-leaders who speak, train and advise. Each chose what to share and "
            "with whom."
        ),
    )
    HomePage.objects.filter(pk=home.pk).update(numchild=home.numchild + 1)


def remove_directory(apps, schema_editor):
    apps.get_model("portfolio.SpeakerIndexPage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_create_homepage"),
        ("portfolio", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_directory, remove_directory)]

"""Countries were free text; they become ISO codes, shown in the reader's language.

A name that names a known country becomes its code. Anything else (a region, a typo, a
place that is no country) is not thrown away: it moves to the start of the region field,
which is shown beside the country, so the consultant still sees what they wrote and can
choose the country. Saved revisions (drafts, history) get the same change, or opening or
restoring one would bring a value back that the new field cannot hold.
"""

from django.db import migrations

from core.i18n import country_code


def _converted(country: str, region: str) -> tuple[str, str]:
    code = country_code(country)
    if code or not (country or "").strip():
        return code, region
    moved = ", ".join(part for part in (country.strip(), region.strip()) if part)
    return "", moved[:80]


def forwards(apps, schema_editor):
    Profile = apps.get_model("portfolio", "SpeakerProfilePage")
    for pk, country, region in Profile.objects.exclude(country="").values_list(
        "pk", "country", "region"
    ):
        code, new_region = _converted(country, region)
        Profile.objects.filter(pk=pk).update(country=code, region=new_region)

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(
        app_label="portfolio", model="speakerprofilepage"
    ).first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content or {}
        country = content.get("country") or ""
        if not country or len(country) == 2 and country.isupper():
            continue
        content["country"], content["region"] = _converted(country, content.get("region") or "")
        revision.content = content
        revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("portfolio", "0007_topic_names_in_spanish"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

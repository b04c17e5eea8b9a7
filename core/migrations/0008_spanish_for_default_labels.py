"""Existing site settings get the Spanish of the labels they still have by default.

Labels an editor changed are left alone: only an editor knows their Spanish.
"""

from django.db import migrations

from core.models import DEFAULT_BENCHMARKS, FOOTER_LINKS, HEADER_LINKS

LINKS_ES = {english: spanish for english, spanish, _address in HEADER_LINKS + FOOTER_LINKS}
BENCHMARKS_ES = {value["label"]: value for _type, value in DEFAULT_BENCHMARKS}


def _with_spanish(raw: list, fill) -> tuple[list, bool]:
    changed = False
    for item in raw:
        if fill(item["value"]):
            changed = True
    return raw, changed


def _link(value) -> bool:
    if value.get("label_es") or value.get("label") not in LINKS_ES:
        return False
    value["label_es"] = LINKS_ES[value["label"]]
    return True


def _benchmark(value) -> bool:
    default = BENCHMARKS_ES.get(value.get("label"))
    if value.get("label_es") or default is None or value.get("figure") != default["figure"]:
        return False
    value["label_es"], value["figure_es"] = default["label_es"], default["figure_es"]
    return True


def forwards(apps, schema_editor):
    SiteSettings = apps.get_model("core", "SiteSettings")
    for settings in SiteSettings.objects.all():
        fields = []
        for name, fill in (
            ("header_links", _link),
            ("footer_links", _link),
            ("fair_pay_benchmarks", _benchmark),
        ):
            raw, changed = _with_spanish(list(getattr(settings, name).raw_data), fill)
            if changed:
                setattr(settings, name, raw)
                fields.append(name)
        if fields:
            settings.save(update_fields=fields)


class Migration(migrations.Migration):
    dependencies = [("core", "0007_spanish_labels")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

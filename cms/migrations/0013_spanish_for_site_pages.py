"""The site pages the first migrations wrote get the Spanish of their title (and, for the
two directories, of their introduction; for the home page, of its mission statement)
while they still have those words.

Saved revisions get it too: the editor opens the latest revision, and publishing one
without these fields would empty them again.
"""

from django.db import migrations

SPANISH = {
    # (app, model): {English: Spanish} for each field
    ("cms", "homepage"): {
        "mission": {
            "<p>Podium is where survivor-leaders publish their expertise and where "
            "organizations find, book and fairly pay them.</p>": "<p>Podium es donde las "
            "personas líderes sobrevivientes publican su experiencia y donde las "
            "organizaciones las encuentran, las contratan y les pagan de forma justa.</p>"
        }
    },
    ("portfolio", "speakerindexpage"): {
        "title": {"Speakers": "Ponentes"},
        "intro": {
            "Survivor-leaders who speak, train and advise. Each chose what to share and "
            "with whom.": "Líderes sobrevivientes que dan charlas, forman y asesoran. Cada "
            "persona eligió qué compartir y con quién."
        },
    },
    ("cms", "resourceindexpage"): {
        "title": {"Where to get help": "Dónde obtener ayuda"},
        "intro": {
            "Free, confidential services for survivors and the people who support them. "
            "You do not need an account to use this page.": "Servicios gratuitos y "
            "confidenciales para sobrevivientes y las personas que les apoyan. No necesita "
            "una cuenta para usar esta página."
        },
    },
    ("cms", "standardpage"): {
        "title": {
            "About Podium": "Acerca de Podium",
            "Fair-pay guidelines": "Pautas de pago justo",
            "Code of conduct": "Código de conducta",
            "Privacy": "Privacidad",
            "Staying safe on Podium": "Mantenerse a salvo en Podium",
        }
    },
}


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    for (app_label, model_name), fields in SPANISH.items():
        model = apps.get_model(app_label, model_name)
        content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
        for page in model.objects.all():
            changes = {}
            for field, translations in fields.items():
                spanish = translations.get(getattr(page, field))
                if spanish and not getattr(page, f"{field}_es"):
                    changes[f"{field}_es"] = spanish
            if not changes:
                continue
            model.objects.filter(pk=page.pk).update(**changes)
            if content_type is None:
                continue
            for revision in Revision.objects.filter(
                content_type=content_type, object_id=str(page.pk)
            ):
                content = revision.content or {}
                for name, value in changes.items():
                    if not content.get(name):
                        content[name] = value
                revision.content = content
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0012_spanish_page_titles"),
        ("portfolio", "0010_directory_title_in_spanish"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

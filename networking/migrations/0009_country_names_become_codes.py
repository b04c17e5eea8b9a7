"""Countries were free text; they become ISO codes, shown in the reader's language.

A name that names a known country becomes its code. Anything else is kept where the
same people read it: an opportunity's moves to the start of its region or city, an
organization's (which has no region) to the end of its description.
"""

from django.db import migrations

from core.i18n import country_code


def forwards(apps, schema_editor):
    Opportunity = apps.get_model("networking", "Opportunity")
    for pk, country, region in Opportunity.objects.exclude(country="").values_list(
        "pk", "country", "region"
    ):
        code = country_code(country)
        if not code:
            region = ", ".join(part for part in (country.strip(), region.strip()) if part)[:80]
        Opportunity.objects.filter(pk=pk).update(country=code, region=region)

    Organization = apps.get_model("networking", "Organization")
    for pk, country, description in Organization.objects.exclude(country="").values_list(
        "pk", "country", "description"
    ):
        code = country_code(country)
        if not code:
            description = "\n\n".join(part for part in (description.strip(), country.strip()) if part)
        Organization.objects.filter(pk=pk).update(country=code, description=description[:3000])


class Migration(migrations.Migration):
    dependencies = [("networking", "0008_currency_supported")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

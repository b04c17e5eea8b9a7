import django_countries.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portfolio", "0008_country_names_become_codes")]

    operations = [
        migrations.AlterField(
            model_name='speakerprofilepage',
            name='country',
            field=django_countries.fields.CountryField(blank=True, help_text='A country, never a street or a city, unless you choose to name one.', max_length=2, verbose_name='country you travel from'),
        ),
    ]

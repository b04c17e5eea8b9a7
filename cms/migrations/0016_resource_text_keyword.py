import re

import django.core.validators
from django.db import migrations, models

SENTENCE = re.compile(r"^\s*text\s+(?P<word>\S+)\s+to\s+(?P<number>\+?[0-9][0-9 ().-]*)\s*$", re.I)


def split_sentences(apps, schema_editor):
    """A line written as "Text START to 88788" becomes the number and the word to send."""
    Resource = apps.get_model("cms", "Resource")
    for resource in Resource.objects.exclude(text_line=""):
        match = SENTENCE.match(resource.text_line)
        if match:
            resource.text_line = match["number"].strip()
            resource.text_keyword = match["word"]
            resource.save(update_fields=["text_line", "text_keyword"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0015_site_name_and_plain_review_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="resource",
            name="text_keyword",
            field=models.CharField(
                blank=True,
                help_text="If the line asks for a word first, for example START.",
                max_length=40,
                verbose_name="word to text",
            ),
        ),
        migrations.AlterField(
            model_name="resource",
            name="text_line",
            field=models.CharField(
                blank=True,
                max_length=80,
                validators=[
                    django.core.validators.RegexValidator(
                        "^\\+?[0-9][0-9 ().-]*$",
                        "Only the number, for example 741741. Put a word to send in the next field.",
                    )
                ],
                verbose_name="number to text",
            ),
        ),
        migrations.RunPython(split_sentences, migrations.RunPython.noop),
    ]

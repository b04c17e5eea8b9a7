import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    """The e-mail queue becomes the one outbox: same rows, same ids, and room for tasks."""

    dependencies = [
        ("core", "0004_navigation_links"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="outgoingemail", name="core_outgoi_sent_at_53ef69_idx"),
        migrations.RenameModel(old_name="OutgoingEmail", new_name="OutboxEntry"),
        migrations.AlterModelOptions(
            name="outboxentry", options={"verbose_name_plural": "outbox entries"}
        ),
        migrations.RenameField(model_name="outboxentry", old_name="message", new_name="payload"),
        migrations.AlterField(
            model_name="outboxentry",
            name="payload",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RenameField(model_name="outboxentry", old_name="sent_at", new_name="done_at"),
        # Rows already there are e-mails (core.outbox.EMAIL).
        migrations.AddField(
            model_name="outboxentry",
            name="task",
            field=models.CharField(default="core.email", max_length=100),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="outboxentry",
            name="args",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="outboxentry",
            name="available_at",
            field=models.DateTimeField(default=django.utils.timezone.now),
        ),
        migrations.AddField(
            model_name="outboxentry",
            name="claimed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="outboxentry",
            name="attempts",
            field=models.PositiveSmallIntegerField(default=0),
        ),
        migrations.AddField(
            model_name="outboxentry",
            name="failed_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="outboxentry",
            name="last_error",
            field=models.CharField(blank=True, max_length=100),
        ),
        migrations.AddIndex(
            model_name="outboxentry",
            index=models.Index(
                condition=models.Q(("done_at__isnull", True), ("failed_at__isnull", True)),
                fields=["available_at"],
                name="core_outbox_due_idx",
            ),
        ),
    ]

import uuid

from django.db import models

from core.models import private_storage
from networking.models.conversations import Message


def _attachment_path(instance, filename):
    return f"attachments/{uuid.uuid4().hex}{filename[filename.rfind('.') :][:6]}"


class Attachment(models.Model):
    """A file sent with a message: stored privately, served only to the conversation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    message = models.OneToOneField(Message, on_delete=models.CASCADE, related_name="attachment")
    file = models.FileField(storage=private_storage, upload_to=_attachment_path)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()

    def __str__(self):
        return f"Attachment {self.id}"

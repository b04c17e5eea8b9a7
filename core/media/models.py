"""The stored media: images (Wagtail's, scrubbed on save), their renditions and videos."""

import uuid
from pathlib import PurePath

from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image, WagtailImageField
from wagtail.utils.file import hash_filelike

from core.media.images import ScrubbedFile, scrubbed_file, title_is_from_filename

NEUTRAL_IMAGE_TITLE = _("Untitled image")


def private_storage():
    """Where originals live: a storage that no public URL serves (settings.STORAGES)."""
    return storages["private"]


def get_image_upload_to(instance, filename):
    return instance.get_upload_to(filename)


class PodiumImage(AbstractImage):
    """Wagtail's image, made safe: every original is scrubbed before it is stored.

    Scrubbing happens in save(), so every path (admin, forms, commands, the demo
    loader) goes through it; the admin form scrubs earlier to show errors on the form.
    """

    file = WagtailImageField(
        verbose_name=_("file"),
        upload_to=get_image_upload_to,
        width_field="width",
        height_field="height",
        storage=private_storage,
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    def get_upload_to(self, filename):
        return f"original_images/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"

    def save(self, *args, **kwargs):
        self._scrub_new_file()
        super().save(*args, **kwargs)

    def _scrub_new_file(self):
        field_file = self.file
        if not field_file or getattr(field_file, "_committed", True):
            return
        upload = field_file.file
        source_name = getattr(upload, "source_name", None) or getattr(upload, "name", "")
        if not isinstance(upload, ScrubbedFile):
            upload = scrubbed_file(upload)  # raises core.media.images.ImageRejected
            self.file = upload
        if not self.title or title_is_from_filename(self.title, source_name):
            self.title = str(NEUTRAL_IMAGE_TITLE)
        upload.seek(0)
        self.file_size = upload.size
        self.file_hash = hash_filelike(upload)
        upload.seek(0)


class PodiumRendition(AbstractRendition):
    image = models.ForeignKey(PodiumImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        # Every /media/ request looks its file up by name (portfolio.media).
        indexes = [models.Index(fields=["file"], name="core_rendition_file")]


def _video_source_path(instance, filename):
    return f"video_sources/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:6]}"


def _video_path(instance, filename):
    return f"videos/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:6]}"


def _captions_path(instance, filename):
    return f"captions/{uuid.uuid4().hex}.vtt"


class PodiumVideo(models.Model):
    """An uploaded video. Its source waits in private storage until core.media.tasks.process_video
    has written a copy without metadata to `file`; then the source is deleted.
    """

    class Status(models.TextChoices):
        PROCESSING = "processing", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be used")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    title = models.CharField(_("title"), max_length=255)
    uploaded_by = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="videos", editable=False
    )
    source = models.FileField(storage=private_storage, upload_to=_video_source_path, blank=True)
    file = models.FileField(upload_to=_video_path, blank=True, editable=False)
    captions = models.FileField(_("captions (WebVTT)"), upload_to=_captions_path, blank=True)
    captions_language = models.CharField(_("captions language"), max_length=12, default="en")
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PROCESSING)
    problem = models.CharField(max_length=255, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("video")
        # Every /media/ request looks its file up by name (portfolio.media).
        indexes = [
            models.Index(fields=["file"], name="core_video_file"),
            models.Index(fields=["captions"], name="core_video_captions"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_ready(self) -> bool:
        return self.status == self.Status.READY and bool(self.file)

    @property
    def public_url(self) -> str:
        """The cleaned copy's address; the source upload never has one."""
        return self.file.url if self.is_ready else ""

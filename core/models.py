import uuid
from pathlib import PurePath

from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image, WagtailImageField
from wagtail.models import Page
from wagtail.utils.file import hash_filelike

from core.blocks import LinkBlock, nav_links
from core.i18n import Label, field_label, label
from core.images import ScrubbedFile, scrubbed_file, title_is_from_filename

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
            upload = scrubbed_file(upload)  # raises core.images.ImageRejected
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


# Search results cut snippets at about this many characters.
META_DESCRIPTION_LENGTH = 160


def meta_description_text(text: str) -> str:
    """Plain text on one line, cut at a word near the length search results show."""
    plain = " ".join(strip_tags(str(text)).split())
    return Truncator(plain).chars(META_DESCRIPTION_LENGTH)


def site_meta_description() -> str:
    """The description of every page that has none of its own, in the reader's language."""
    return gettext(
        "Speakers, trainers and consultants with lived experience: find them, read their "
        "work and book them for fair pay."
    )


class BasePage(Page):
    """Shared by every page type. Pages are kept out of search engines unless they say so."""

    allow_search_engine_indexing = True

    class Meta:
        abstract = True

    def get_robots_directive(self, request=None) -> str:
        return "index, follow" if self.allow_search_engine_indexing else "noindex, noimageindex"

    def get_meta_description(self) -> str:
        """What search results and link previews show under the title: the description
        written on the page's "Promote" tab, else one the page type draws from itself."""
        return meta_description_text(self.search_description or self.default_meta_description())

    def default_meta_description(self) -> str:
        return site_meta_description()


class SpanishTitleMixin(models.Model):
    """For editors' site pages whose title is navigation (the directory, the resource
    page, about, privacy...): a Spanish title, shown in a Spanish interface. The body of
    such a page is content and keeps the language it was written in."""

    title_es = models.CharField(
        _("title in Spanish"),
        max_length=255,
        blank=True,
        help_text=_("Shown when the interface is in Spanish. Empty: the title above."),
    )

    class Meta:
        abstract = True

    @property
    def shown_title(self) -> Label:
        return field_label(self, "title")


class DirectoryIntroMixin(SpanishTitleMixin):
    """For the editors' directory pages (speakers, resources): a Spanish title and an
    introduction in both languages, with the panels to edit them."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    intro_es = models.TextField(_("introduction in Spanish"), blank=True, max_length=1000)

    directory_panels = [FieldPanel("title_es"), FieldPanel("intro"), FieldPanel("intro_es")]

    class Meta:
        abstract = True

    @property
    def shown_intro(self) -> Label:
        return field_label(self, "intro")


class FairPayBenchmarkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=120, label=_("source"))
    figure = blocks.CharBlock(max_length=120, label=_("figure"))
    label_es = blocks.CharBlock(max_length=120, required=False, label=_("source in Spanish"))
    figure_es = blocks.CharBlock(max_length=120, required=False, label=_("figure in Spanish"))


# Public figures: the U.S. federal grant cap for consultants (OJP/OVW) and Washington
# State's minimum for people with lived experience.
DEFAULT_BENCHMARKS = [
    (
        "benchmark",
        {
            "label": "US federal grant cap (OJP/OVW)",
            "figure": "$81.25 per hour or $650 per day",
            "label_es": "Tope federal de EE. UU. para subvenciones (OJP/OVW)",
            "figure_es": "81,25 US$ por hora o 650 US$ por día",
        },
    ),
    (
        "benchmark",
        {
            "label": "Washington State lived-experience minimum",
            "figure": "$57 per hour",
            "label_es": "Mínimo del estado de Washington por experiencia vivida",
            "figure_es": "57 US$ por hora",
        },
    ),
]
HOTLINE_NAME = "U.S. National Human Trafficking Hotline"
HOTLINE_NAME_ES = "Línea Nacional contra la Trata de Personas de EE. UU."
HEADER_LINKS = (
    ("Speakers", "Ponentes", "/speakers/"),
    ("Get help", "Obtener ayuda", "/resources/"),
)
FOOTER_LINKS = (
    ("About", "Acerca de", "/about/"),
    ("Fair pay", "Pago justo", "/fair-pay/"),
    ("Code of conduct", "Código de conducta", "/code-of-conduct/"),
    ("Privacy", "Privacidad", "/privacy/"),
    ("Staying safe", "Mantenerse a salvo", "/safety/"),
)


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """What editors set for the whole site. Lives in core because every app reads it."""

    site_name = models.CharField(_("site name"), max_length=80, default="Podium")
    email_sender_name = models.CharField(
        _("e-mail sender name"),
        max_length=80,
        default="Podium",
        help_text=_("Shown as the sender of every e-mail. Keep it neutral."),
    )
    hotline_name = models.CharField(_("hotline name"), max_length=120, default=HOTLINE_NAME)
    hotline_name_es = models.CharField(
        _("hotline name in Spanish"), max_length=120, blank=True, default=HOTLINE_NAME_ES
    )
    hotline_phone = models.CharField(_("hotline phone"), max_length=40, default="1-888-373-7888")
    hotline_text = models.CharField(
        _("hotline text line"), max_length=40, blank=True, default="233733"
    )
    quick_exit_url = models.URLField(
        _("quick exit destination"),
        default="https://www.bbc.co.uk/weather",
        help_text=_("A neutral site that the quick-exit button opens in place of Podium."),
    )
    fair_pay_benchmarks = StreamField(
        [("benchmark", FairPayBenchmarkBlock())],
        blank=True,
        default=DEFAULT_BENCHMARKS,
        verbose_name=_("fair-pay benchmarks"),
        help_text=_("Shown beside every consultant's rate card."),
    )

    header_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        default=nav_links(*HEADER_LINKS),
        verbose_name=_("header links"),
        help_text=_("Shown after Home. Sign-in and account links are always there."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        default=nav_links(*FOOTER_LINKS),
        verbose_name=_("footer links"),
    )

    # Navigation lives here rather than in its own setting: every page reads this row
    # already, so the header and footer cost no extra query.
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("site_name"),
                    FieldPanel("email_sender_name"),
                    FieldPanel("hotline_name"),
                    FieldPanel("hotline_name_es"),
                    FieldPanel("hotline_phone"),
                    FieldPanel("hotline_text"),
                    FieldPanel("quick_exit_url"),
                    FieldPanel("fair_pay_benchmarks"),
                ],
                heading=_("Site"),
            ),
            ObjectList(
                [FieldPanel("header_links"), FieldPanel("footer_links")], heading=_("Navigation")
            ),
        ]
    )

    def benchmark_pairs(self) -> list[tuple[Label, Label]]:
        """The benchmarks in the interface's language where an editor gave Spanish."""
        return [
            (
                label(b.value["label"], b.value.get("label_es")),
                label(b.value["figure"], b.value.get("figure_es")),
            )
            for b in self.fair_pay_benchmarks
        ]

    @property
    def hotline_label(self) -> Label:
        return field_label(self, "hotline_name")

    class Meta:
        verbose_name = _("site settings")

    def __str__(self):
        return str(self._meta.verbose_name)


class OutboxEntry(models.Model):
    """One side effect that leaves the database, written in the same transaction as the
    change that causes it, and run later by core.outbox (an e-mail, or a Celery task by
    name with ids as arguments). Its content is erased once done.

    A row may be claimed when it is neither done nor failed and `available_at` has come:
    a claim moves `available_at` to the end of a lease, so a worker that dies mid-run
    leaves a row that the drain job claims again once the lease is over.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task = models.CharField(max_length=100)
    args = models.JSONField(default=list, blank=True)
    # An e-mail's subject, body, recipients and attachments; {} for tasks and once sent.
    payload = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    available_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    done_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)
    # The exception's class name only: messages can carry addresses or content.
    last_error = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name_plural = "outbox entries"
        indexes = [
            models.Index(
                fields=["available_at"],
                condition=models.Q(done_at__isnull=True, failed_at__isnull=True),
                name="core_outbox_due_idx",
            )
        ]

    def __str__(self):
        return f"Outbox entry {self.id} ({self.task})"


def _video_source_path(instance, filename):
    return f"video_sources/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:6]}"


def _video_path(instance, filename):
    return f"videos/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()[:6]}"


def _captions_path(instance, filename):
    return f"captions/{uuid.uuid4().hex}.vtt"


class PodiumVideo(models.Model):
    """An uploaded video. Its source waits in private storage until core.tasks.process_video
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

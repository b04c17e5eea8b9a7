"""What a consultant publishes under their profile: blog posts and videos."""

import math

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.embeds import parse_video_url
from core.models import BasePage
from core.richtext import clean_stream_rich_text
from portfolio.models.base import ConsultantPage
from portfolio.models.forms import VideoPageForm
from portfolio.models.profile import SpeakerProfilePage
from portfolio.models.taxonomy import Topic

WORDS_PER_MINUTE = 200


class ChildOfProfile(ConsultantPage):
    """Blog posts and videos: children of a profile, owned by its consultant."""

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )

    summary = models.TextField(_("summary"), max_length=300, blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    content_note = models.TextField(
        _("content note"),
        blank=True,
        max_length=500,
        help_text=_(
            "Optional. Readers see it first and choose whether to go on, e.g. "
            '"mentions of violence".'
        ),
    )

    parent_page_types = ["portfolio.SpeakerProfilePage"]
    subpage_types: list[str] = []
    promote_panels = [FieldPanel("slug")]

    class Meta:
        abstract = True

    @cached_property
    def profile(self) -> SpeakerProfilePage:
        return SpeakerProfilePage.objects.parent_of(self).get()

    # Never the text itself: it may sit behind a content note the reader has not passed.
    def default_meta_description(self) -> str:
        return self.summary or self.untitled_meta_description % {"name": self.profile.title}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A content note comes first, on a page of its own; the reader chooses to go on.
        context["show_content_note"] = bool(self.content_note) and request.GET.get("read") != "1"
        return context

    def save(self, *args, **kwargs):
        if not self.consultant_id:
            # Whoever writes the page (the consultant, or an editor helping), it belongs
            # to the consultant whose profile it sits under.
            self.consultant_id = self.profile.consultant_id
        super().save(*args, **kwargs)


class BlogPostPage(ChildOfProfile):
    body = StreamField(BodyBlock(), verbose_name=_("text"), blank=True)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("visibility"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("content_note"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    untitled_meta_description = _("A post by %(name)s.")

    class Meta:
        verbose_name = _("blog post")

    def save(self, *args, **kwargs):
        clean_stream_rich_text(self.body, RICH_TEXT_FEATURES)
        super().save(*args, **kwargs)

    @property
    def reading_minutes(self) -> int:
        words = len(strip_tags(str(self.body)).split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))


class VideoPage(ChildOfProfile):
    video_url = models.URLField(
        _("YouTube or Vimeo link"),
        max_length=300,
        blank=True,
        help_text=_("Played from YouTube's privacy-enhanced mode or Vimeo with do-not-track."),
    )
    uploaded_video = models.ForeignKey(
        "core.PodiumVideo",
        verbose_name=_("or a video you uploaded"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload videos from your dashboard; they appear here once prepared."),
    )
    poster = models.ForeignKey(
        "core.PodiumImage",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = models.TextField(_("transcript"), blank=True, max_length=50_000)
    base_form_class = VideoPageForm

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("transcript"),
        index.FilterField("visibility"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("video_url"),
        FieldPanel("uploaded_video"),
        FieldPanel("summary"),
        FieldPanel("content_note"),
        FieldPanel("poster"),
        FieldPanel("transcript"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    untitled_meta_description = _("A video by %(name)s.")

    class Meta:
        verbose_name = _("video")

    def clean(self):
        super().clean()
        if bool(self.video_url) == bool(self.uploaded_video_id):
            raise ValidationError(
                {"video_url": _("Give either a YouTube or Vimeo link, or a video you uploaded.")}
            )
        if self.video_url:
            try:
                parse_video_url(self.video_url)
            except ValidationError as error:
                raise ValidationError({"video_url": error.messages}) from error

    @property
    def embed(self):
        return parse_video_url(self.video_url) if self.video_url else None

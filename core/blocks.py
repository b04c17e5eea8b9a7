"""StreamField blocks shared by every page type. No raw HTML block exists: markup an editor
types would run in every reader's browser."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from core.embeds import parse_video_url
from core.i18n import label as shown_label

# Rich text features consultants may use; Draftail enforces them on input and Wagtail's
# converter drops everything else when the text is stored.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section")), ("h3", _("Subsection"))], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        label=_("description for people who cannot see the image"),
        max_length=250,
        required=False,
        help_text=_("Leave empty if the image is only decoration."),
    )
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"), max_length=1000)
    attribution = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class VideoEmbedBlock(blocks.URLBlock):
    """A YouTube or Vimeo link, shown behind a click-to-load placeholder."""

    def clean(self, value):
        value = super().clean(value)
        parse_video_url(value)  # raises a ValidationError with a clear message
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed"] = parse_video_url(value)
        return context

    class Meta:
        icon = "media"
        label = _("Video (YouTube or Vimeo)")
        template = "blocks/video_embed.html"


class CallOutBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        template = "blocks/call_out.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    heading = HeadingBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    video = VideoEmbedBlock()
    call_out = CallOutBlock()


def validate_site_address(value: str) -> None:
    """A path on this site ("/speakers/") or a secure address elsewhere.

    Browsers read "//host" and "/\\host" as another site, so neither counts as a path.
    """
    local = value.startswith("/") and value[1:2] not in ("/", "\\")
    if not (local or value.startswith("https://")) or any(c.isspace() for c in value):
        raise ValidationError(_("Start with / for a page on this site, or with https://."))


class LinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=40)
    label_es = blocks.CharBlock(
        max_length=40,
        required=False,
        label=_("label in Spanish"),
        help_text=_("Shown when the interface is in Spanish. Empty: the label above."),
    )
    page = blocks.PageChooserBlock(required=False, help_text=_("A page on this site…"))
    address = blocks.CharBlock(
        required=False,
        max_length=300,
        validators=[validate_site_address],
        help_text=_("…or an address, such as /speakers/ or https://example.org."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value["page"]) == bool(value["address"]):
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(_("Choose a page or give an address."))}
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["shown"] = shown_label(value["label"], value.get("label_es"))
        return context

    def bulk_to_python(self, values):
        # Most links are addresses. The page chooser builds a query for every list it is
        # given, even one of None only (every page's header and footer, twice per request,
        # about as dear as a query that runs); pages are read only when a link names one.
        if any(value.get("page") for value in values):
            return super().bulk_to_python(values)
        return [self.to_python(value) for value in values]

    class Meta:
        icon = "link"
        template = "components/nav_link.html"


def nav_links(*rows: tuple[str, str, str]) -> list:
    """Default header or footer links, as (label, Spanish label, address)."""
    return [
        ("link", {"label": english, "label_es": spanish, "page": None, "address": address})
        for english, spanish, address in rows
    ]

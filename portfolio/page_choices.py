"""Which images and pages a person may choose inside a consultant page's text.

Wagtail's chooser blocks and rich text links accept any id that is posted, and the form
shown again after an error displays whatever it holds (an image's title and thumbnail, a
page's title and address). A consultant may choose only what the admin already lets them
reach: images of their own collection, and pages the page chooser lists to them and they
may see (their own, other consultants' as far as their Viewer shows them, and the
site's other pages once published for everyone). Choices the page already holds stay
valid, so that a page whose link target has since become private can still be saved.
Editors have the whole admin and choose anything.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page

from core.chosen import references, remove_refused, rich_text_without_refused

PAGE = "page"
IMAGE = "image"

REFUSED_MESSAGE = _(
    "You can choose only images from your own collection and pages you are able to see. "
    "Other choices have been taken out: check this field before saving."
)


def kind_of(model) -> str:
    """The reach question a chosen model is asked; anything else is nobody's to choose."""
    if issubclass(model, Page):
        return PAGE
    if issubclass(model, get_image_model()):
        return IMAGE
    return model._meta.label


class ChoiceReach:
    """Answers "must this choice go?" for one person editing one page."""

    def __init__(self, *, user, page):
        # Imported here, not at the top: admin_reach reads the image model when it loads,
        # and this module loads with portfolio's models, while the app registry is still
        # filling (an import cycle through the registry).
        from accounts.admin_reach import has_whole_admin

        self.user = user
        self.everything = has_whole_admin(user)
        self.kept = set()
        for _name, block, value in chosen_fields(page):
            self.kept |= {(kind_of(model), pk) for model, pk in references(block, value)}
        self._answers: dict[tuple[str, str], bool] = {}

    def refused(self, model, object_id: str) -> bool:
        key = (kind_of(model), str(object_id))
        if self.everything or key in self.kept:
            return False
        if key not in self._answers:
            self._answers[key] = not self._may_choose(*key)
        return self._answers[key]

    def _may_choose(self, kind: str, object_id: str) -> bool:
        from accounts.admin_reach import own_images  # the registry cycle, as in __init__

        if not object_id.isdigit():
            return False
        if kind == PAGE:
            return self._may_link_to(Page.objects.filter(pk=int(object_id)))
        if kind == IMAGE:
            return own_images(self.user).filter(pk=int(object_id)).exists()
        return False

    def _may_link_to(self, pages) -> bool:
        from accounts.admin_reach import choosable_pages  # the registry cycle, as in __init__
        from portfolio.models import ConsultantPage  # a cycle: models import this module

        if not choosable_pages(self.user, pages).exists():
            return False
        # The chooser's narrowing judged consultant pages by the Viewer (their own,
        # and others' as far as the policy shows them); the site's other pages are for
        # everyone once published without a view restriction, and not before.
        return pages.type(ConsultantPage).exists() or pages.live().public().exists()

    def without_refused(self, block, value):
        """The value without refused choices, and whether any went (block None: rich text)."""
        if block is None:
            return rich_text_without_refused(value, self.refused)
        return remove_refused(block, value, self.refused)


def chosen_fields(page):
    """(name, stream block or None for rich text, value) of each field that can choose."""
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            yield field.name, field.stream_block, getattr(page, field.name)
        elif isinstance(field, RichTextField):
            yield field.name, None, getattr(page, field.name)


def refusal_error(block) -> ValidationError:
    # The StreamField's editor shows errors of its own kind, at the top of the field.
    if block is None:
        return ValidationError(REFUSED_MESSAGE, code="unreachable_choice")
    return StreamBlockValidationError(
        non_block_errors=[ValidationError(REFUSED_MESSAGE, code="unreachable_choice")]
    )

"""What consultants are found by: the topics they speak on and the languages they speak."""

from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from core.i18n import Label, field_label
from core.models import meta_description_text


class Topic(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    name_es = models.CharField(
        _("name in Spanish"),
        max_length=80,
        blank=True,
        help_text=_("Shown when the interface is in Spanish. Empty: the name above."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True, max_length=500)
    description_es = models.TextField(_("description in Spanish"), blank=True, max_length=500)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_es"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")

    def __str__(self):
        return str(self.shown_name)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    @property
    def meta_description(self) -> str:
        """The topic page's description in search results and link previews."""
        text = gettext("Speakers on %(topic)s.") % {"topic": self.shown_name}
        return meta_description_text(f"{text} {self.shown_description}")

    @property
    def shown_name(self) -> Label:
        return field_label(self, "name")

    @property
    def shown_description(self) -> Label:
        return field_label(self, "description")


class Language(models.Model):
    code = models.CharField(_("ISO 639 code"), max_length=12, unique=True)
    name = models.CharField(
        _("name"), max_length=80, help_text=_("In English; known languages are translated.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")

    def __str__(self):
        return language_name(self.code, self.name)


# Languages Django's own translated list does not name (or names only by a variant).
EXTRA_LANGUAGE_NAMES = {
    "zh": _("Chinese"),
    "tl": _("Tagalog"),
    "ase": _("American Sign Language"),
    "ht": _("Haitian Creole"),
    "so": _("Somali"),
    "am": _("Amharic"),
}


def language_name(code: str, fallback: str = "") -> str:
    """A language's name in the interface's language, from translated lists; the stored
    English name for a language neither list knows."""
    if code in EXTRA_LANGUAGE_NAMES:
        return str(EXTRA_LANGUAGE_NAMES[code])
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return fallback or code

from urllib.parse import quote

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core.i18n import Label, field_label
from core.models import BasePage, DirectoryIntroMixin


class ResourceCategory(models.TextChoices):
    HOTLINE = "hotline", _("Hotlines")
    LEGAL = "legal", _("Legal aid")
    HOUSING = "housing", _("Housing")
    COUNSELLING = "counselling", _("Counselling")
    JOBS = "jobs", _("Job training")
    OTHER = "other", _("Other help")


class Resource(index.Indexed, models.Model):
    """A place to get help. Editors keep the list; the resource page shows it."""

    name = models.CharField(_("name"), max_length=160)
    name_es = models.CharField(
        _("name in Spanish"),
        max_length=160,
        blank=True,
        help_text=_("Each field in Spanish is shown when the interface is in Spanish."),
    )
    category = models.CharField(_("category"), max_length=20, choices=ResourceCategory.choices)
    region = models.CharField(
        _("region"), max_length=80, blank=True, help_text=_("Leave empty if it serves everyone.")
    )
    region_es = models.CharField(_("region in Spanish"), max_length=80, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # The number alone: a sentence here ("Text START to 88788") was printed after the word
    # "Text" and could not become an sms: link. The word to send has its own field.
    text_line = models.CharField(
        _("number to text"),
        max_length=80,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ().-]*$",
                _("Only the number, for example 741741. Put a word to send in the next field."),
            )
        ],
    )
    text_keyword = models.CharField(
        _("word to text"),
        max_length=40,
        blank=True,
        help_text=_("If the line asks for a word first, for example START."),
    )
    website = models.URLField(_("website"), blank=True)
    hours = models.CharField(_("hours"), max_length=120, blank=True)
    hours_es = models.CharField(_("hours in Spanish"), max_length=120, blank=True)
    description = models.TextField(_("description"), max_length=600, blank=True)
    description_es = models.TextField(_("description in Spanish"), max_length=600, blank=True)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=100, help_text=_("Lower numbers come first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("name_es"),
        FieldPanel("category"),
        FieldPanel("region"),
        FieldPanel("region_es"),
        FieldPanel("phone"),
        FieldPanel("text_line"),
        FieldPanel("text_keyword"),
        FieldPanel("website"),
        FieldPanel("hours"),
        FieldPanel("hours_es"),
        FieldPanel("description"),
        FieldPanel("description_es"),
        FieldPanel("sort_order"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_es"),
        index.SearchField("description"),
        index.SearchField("description_es"),
    ]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("resource")

    def __str__(self):
        return self.name

    @property
    def shown_name(self) -> Label:
        return field_label(self, "name")

    @property
    def shown_region(self) -> Label:
        return field_label(self, "region")

    @property
    def shown_hours(self) -> Label:
        return field_label(self, "hours")

    @property
    def shown_description(self) -> Label:
        return field_label(self, "description")

    @property
    def phone_href(self) -> str:
        return "tel:" + _dialable(self.phone)

    @property
    def sms_href(self) -> str:
        """An sms: link that opens the message app with the word already written.

        "?&body=" is the form both iOS (which reads "&body") and Android (which reads
        "?body") understand.
        """
        href = "sms:" + _dialable(self.text_line)
        if self.text_keyword:
            href += "?&body=" + quote(self.text_keyword)
        return href


def _dialable(number: str) -> str:
    return "".join(c for c in number if c.isdigit() or c == "+")


class ResourceIndexPage(DirectoryIntroMixin, BasePage):
    """The resource directory: where to get help, filterable by category and region."""

    content_panels = [*BasePage.content_panels, *DirectoryIntroMixin.directory_panels]

    parent_page_types = ["cms.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("resource directory")

    def default_meta_description(self) -> str:
        return gettext(
            "Where to get help: hotlines, legal aid, housing, counselling and job training, "
            "by kind and region."
        )

    def get_context(self, request, *args, **kwargs):
        # Here, not at the top: the form and the selectors import these models (a cycle).
        from cms import selectors
        from cms.forms import ResourceFilterForm  # the same cycle

        context = super().get_context(request, *args, **kwargs)
        form = ResourceFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        context.update({"form": form, "resources": selectors.resources(**filters)})
        return context

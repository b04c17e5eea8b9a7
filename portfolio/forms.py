import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.money import CurrencyField
from core.widgets import QuickSelect
from portfolio.enums import Availability, EngagementType, Travel
from portfolio.models.taxonomy import Language, Topic

ANY = [("", _("Any"))]
MAX_SEARCH_WORDS = 10


def country_choices() -> list:
    return ANY + list(countries)


class PreloadedModelChoiceField(forms.ModelChoiceField):
    """A model choice whose rows the view has already read (`preload`): its options and
    the check of a chosen value use them instead of asking the database again. Without
    rows it is Django's field."""

    rows = None

    def preload(self, rows) -> None:
        self.rows = {str(getattr(row, self.to_field_name)): row for row in rows}
        empty = [("", self.empty_label)] if self.empty_label is not None else []
        self.widget.choices = empty + [
            (key, self.label_from_instance(row)) for key, row in self.rows.items()
        ]

    def to_python(self, value):
        if self.rows is None or value in self.empty_values:
            return super().to_python(value)
        try:
            return self.rows[str(value)]
        except KeyError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            ) from None


class DirectoryFilterForm(forms.Form):
    """The directory's search and facets. A GET form: bad values are errors, not crashes."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    topic = PreloadedModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    engagement = forms.ChoiceField(
        label=_("Engagement"),
        choices=ANY + EngagementType.choices,
        required=False,
        widget=QuickSelect,
    )
    language = forms.ModelChoiceField(
        label=_("Language"),
        queryset=Language.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Any"),
        widget=QuickSelect,
    )
    # Every country, in the reader's language and order: a list of only the countries
    # that profiles name would tell which countries hidden consultants are in.
    country = forms.ChoiceField(
        label=_("Country"), choices=country_choices, required=False, widget=QuickSelect
    )
    travel = forms.ChoiceField(
        label=_("Travel"), choices=ANY + Travel.choices, required=False, widget=QuickSelect
    )
    virtual = forms.BooleanField(label=_("Available for virtual events"), required=False)
    availability = forms.ChoiceField(
        label=_("Availability"),
        choices=ANY + Availability.choices,
        required=False,
        widget=QuickSelect,
    )
    budget = forms.DecimalField(
        label=_("Your budget"),
        min_value=Decimal("0"),
        max_value=Decimal("10000000"),
        decimal_places=2,
        required=False,
        help_text=_("Shows speakers whose published minimum fee fits it."),
    )
    # Rates are compared only with a budget in their own currency: there is no exchange rate.
    budget_currency = CurrencyField(
        label=_("Currency of your budget"), required=False, widget=QuickSelect
    )

    def __init__(self, *args, topics=None, **kwargs):
        super().__init__(*args, **kwargs)
        if topics is not None:
            # The page lists the topics as well: one read serves both, and the check.
            self.fields["topic"].preload(topics)

    def clean_q(self):
        # Words only: quotes and operators would reach the search engine's own query
        # syntax (SQLite's FTS5 fails on a stray quote).
        return " ".join(re.findall(r"\w+", self.cleaned_data["q"])[:MAX_SEARCH_WORDS])

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


class DirectoryFilterForm(forms.Form):
    """The directory's search and facets. A GET form: bad values are errors, not crashes."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    topic = forms.ModelChoiceField(
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

    def clean_q(self):
        # Words only: quotes and operators would reach the search engine's own query
        # syntax (SQLite's FTS5 fails on a stray quote).
        return " ".join(re.findall(r"\w+", self.cleaned_data["q"])[:MAX_SEARCH_WORDS])

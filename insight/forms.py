from django import forms
from django.utils.translation import gettext_lazy as _

from core.money import Currency
from insight.enums import Region
from networking.enums import EventFormat
from portfolio.enums import EngagementType


def _choices(enum) -> list:
    return [("", _("Any")), *enum.choices]


class FairRateQueryForm(forms.Form):
    """Which cell of the fair-rate figures to look at (a GET form: nothing is saved)."""

    engagement_type = forms.ChoiceField(
        label=_("Engagement type"), choices=_choices(EngagementType), required=False
    )
    format = forms.ChoiceField(label=_("Format"), choices=_choices(EventFormat), required=False)
    region = forms.ChoiceField(
        label=_("Region of the organization"), choices=_choices(Region), required=False
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=_choices(Currency), required=False)

    def cell(self) -> dict | None:
        """The chosen cell when every part was chosen, else None."""
        if not self.is_valid() or not all(self.cleaned_data.values()):
            return None
        return dict(self.cleaned_data)

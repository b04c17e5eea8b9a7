from django import forms
from django.utils.translation import gettext_lazy as _

from cms.models import Resource, ResourceCategory


class ResourceFilterForm(forms.Form):
    """A GET form: an unknown category or region is a form error, never a crash."""

    category = forms.ChoiceField(
        label=_("Kind of help"),
        choices=[("", _("Any")), *ResourceCategory.choices],
        required=False,
    )
    region = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The value is the region as stored (in English); the label is in the reader's language.
        regions = {}
        for resource in Resource.objects.exclude(region="").only("region", "region_es"):
            shown = str(resource.shown_region)
            if regions.get(resource.region, resource.region) == resource.region:
                regions[resource.region] = shown
        choices = sorted(regions.items(), key=lambda choice: choice[1])
        self.fields["region"].choices = [("", _("Anywhere")), *choices]

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
        regions = Resource.objects.exclude(region="").values_list("region", flat=True).distinct()
        self.fields["region"].choices = [("", _("Anywhere")), *((r, r) for r in sorted(regions))]

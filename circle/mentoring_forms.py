"""Forms of mentoring and referrals: plain text, choices from fixed lists, hidden send keys."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from circle.enums import MentoringTopic
from networking.forms import PlainTextMixin


class InterestsForm(forms.Form):
    offers = forms.MultipleChoiceField(
        label=_("Topics I can mentor on"),
        choices=MentoringTopic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    asks = forms.MultipleChoiceField(
        label=_("Topics I would like a mentor for"),
        choices=MentoringTopic.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class MentoringRequestForm(PlainTextMixin, forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), choices=())
    message = forms.CharField(
        label=_("A few words about what you hope for"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = list(topics)


class MentoringMessageForm(PlainTextMixin, forms.Form):
    body = forms.CharField(
        label=_("Your message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    # A new token each time the form is shown: sending it twice posts one message.
    send_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4, required=False)


class AnswerForm(forms.Form):
    """Yes or no, from two buttons named "answer"."""

    answer = forms.ChoiceField(choices=[("yes", _("Yes")), ("no", _("No"))])


class ReferralForm(PlainTextMixin, forms.Form):
    referred = forms.ChoiceField(label=_("Member to suggest"), choices=())
    note = forms.CharField(
        label=_("A note for the member you suggest (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("They see the request's terms, never the organization's contact details."),
    )

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referred"].choices = [(str(m.user.public_id), m.name) for m in candidates]


class ChooseForm(forms.Form):
    """The organization's choice of a suggested speaker."""

    answer = forms.ChoiceField(
        choices=[("send", _("Send them this request")), ("pass", _("No thanks"))]
    )
    boundaries_acknowledged = forms.BooleanField(
        label=_("I have read the consultant's boundaries above and will respect them."),
        required=False,
    )

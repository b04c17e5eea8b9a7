"""Every text members write to each other follows one rule (circle.services.forum
checked_text): direction controls, which would reorder what follows them on a line, are
refused beside the field, and text of invisible characters only counts as none."""

import pytest

from circle.enums import MentoringTopic
from circle.models import CircleReport, Member, Mentorship
from circle.services import membership, mentoring, moderation
from networking.errors import Refused
from tests.circle.membership_people import circle, joined, member, reply, thread
from tests.circle.mentoring_people import circle_member
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

OVERRIDE = "right\u202eto-left"
TOPIC = MentoringTopic.values[0]


def _report_reason(text):
    place = circle()
    author, reporter = member(name="Ada Quill"), member(name="Bea Lind")
    joined(place, author, reporter)
    post = reply(thread(place, reporter), author, body="Hm")
    moderation.report_post(actor=reporter.user, post=post, reason=text)


def _applicant_note(text):
    membership.apply(actor=ConsultantFactory(), name="Rosa Calder", note=text)


def _mentoring_request(text):
    mentor = circle_member(name="Mia Stone", offers=[TOPIC])
    mentee = circle_member(name="Ola Brand")
    mentoring.mentorship_request(
        actor=mentee, mentor=Member.objects.get(user=mentor), topic=TOPIC, message=text
    )


WRITES = {
    "reason": (_report_reason, CircleReport),
    "note": (_applicant_note, Member),
    "message": (_mentoring_request, Mentorship),
}


@pytest.mark.parametrize("field", WRITES)
def test_a_direction_control_is_refused_beside_its_field(field):
    write, model = WRITES[field]
    before = model.objects.count()

    with pytest.raises(Refused, match="characters that cannot be used") as refused:
        write(OVERRIDE)

    assert refused.value.field == field
    assert model.objects.count() == before  # nothing of the refused write


@pytest.mark.parametrize("field", ["reason", "message"])
@pytest.mark.parametrize("text", ["\u200b\u200b", " \u200b ", "\u00a0\u2800"])
def test_invisible_text_counts_as_none(field, text):
    write, _model = WRITES[field]

    with pytest.raises(Refused) as refused:
        write(text)

    assert refused.value.field == field

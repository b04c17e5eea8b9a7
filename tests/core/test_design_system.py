"""The design system's components render what their contract promises."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from core.templatetags.podium_tags import status_tone

pytestmark = pytest.mark.django_db


def _render(source: str, **context) -> str:
    request = RequestFactory().get("/")
    return Template(source).render(Context({"request": request, **context}))


def test_confirm_action_is_a_disclosure_holding_a_post_form_with_csrf_and_fields():
    html = _render(
        '{% include "components/confirm_action.html" with action="/x/" label="Decline" '
        'question="Decline this request?" confirm_label="Yes, decline" name="action" '
        'value="decline" hidden_name="to" hidden_value="declined" %}',
        csrf_token="tok",
    )
    assert html.count("<details") == 1
    assert '<summary class="button button--danger">' in html
    assert 'method="post" action="/x/"' in html
    assert 'name="csrfmiddlewaretoken" value="tok"' in html
    assert '<input type="hidden" name="to" value="declined">' in html
    assert 'name="action" value="decline">Yes, decline</button>' in html
    assert "Decline this request?" in html


def test_badge_notice_and_empty_state_use_their_tone_and_inputs():
    badge = _render('{% include "components/badge.html" with label="Paid" tone="success" %}')
    assert badge.strip() == '<span class="badge badge--success">Paid</span>'
    assert "badge--neutral" in _render('{% include "components/badge.html" with label="x" %}')
    notice = _render(
        '{% include "components/notice.html" with tone="warning" title="Check" text="Dates" %}'
    )
    assert 'class="notice notice--warning"' in notice
    assert "Check" in notice
    assert "Dates" in notice
    empty = _render(
        '{% include "components/empty_state.html" with title="None yet" action_url="/new/" '
        'action_label="Add one" %}'
    )
    assert "None yet" in empty
    assert '<a class="button" href="/new/">Add one</a>' in empty


@pytest.mark.parametrize(
    ("state", "tone"),
    [("confirmed", "success"), ("requested", "info"), ("overdue", "warning"), ("zzz", "neutral")],
)
def test_status_tone_maps_stored_states(state, tone):
    assert status_tone(state) == tone


def test_the_home_buttons_lead_to_different_chosen_sign_ups(client):
    html = client.get("/").content.decode()
    assert 'href="/accounts/signup/?role=consultant"' in html
    assert 'href="/accounts/signup/?role=organization"' in html


def test_the_style_page_is_not_indexed_and_its_example_changes_nothing(client):
    response = client.get("/style/")
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "components/confirm_action.html&quot; with action=URL" in html
    answer = client.post("/style/", follow=True)
    assert "Nothing was changed" in answer.content.decode()

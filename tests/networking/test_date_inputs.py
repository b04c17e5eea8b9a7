"""Date pickers keep their value in every language: the browser reads only ISO dates."""

import datetime

import pytest
from django.urls import reverse
from django.utils import translation

from networking.forms import AvoidedTopicForm
from tests.factories import OrganizationFactory, member_of
from tests.networking.conftest import opportunity_fields

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_date_picker_holds_an_iso_date(language):
    form = AvoidedTopicForm(initial={"starts_on": datetime.date(2027, 1, 30)})
    with translation.override(language):
        html = str(form["starts_on"])
    assert 'type="date"' in html
    assert 'value="2027-01-30"' in html


def test_a_saved_opportunity_shows_its_dates_in_spanish(client):
    from networking.services.opportunities import opportunity_create

    member = member_of(OrganizationFactory())
    opportunity = opportunity_create(actor=member, **opportunity_fields())
    client.force_login(member)
    html = client.get(
        reverse("networking:opportunity_edit", args=[opportunity.pk]), HTTP_ACCEPT_LANGUAGE="es"
    ).content.decode()
    assert f'value="{opportunity.starts_on.isoformat()}"' in html
    assert opportunity.starts_on.strftime("%d/%m/%Y") not in html

"""The interface language follows a person into the e-mails the worker sends later."""

import pytest
from django.core import mail

from accounts.models import User
from networking.services.notifications import notify
from tests.accounts.test_signup import signup
from tests.factories import ConsultantFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]


def test_signing_up_in_spanish_remembers_spanish(client):
    client.cookies["django_language"] = "es"
    signup(client)
    assert User.objects.get(email="new.person@example.org").language == "es"
    assert mail.outbox[0].body.startswith("Hola:")  # the confirmation, sent during the request


def test_switching_while_signed_in_is_remembered_and_later_emails_follow(client):
    person = ConsultantFactory()
    client.force_login(person)
    client.get("/language/es/")
    person.refresh_from_db()
    assert person.language == "es"
    notify(user=person, event_key="k", text="News", url="/x/")
    assert mail.outbox[-1].subject == "Novedades en Podium"
    assert "Hay algo nuevo para usted en Podium." in mail.outbox[-1].body
    client.get("/language/en/")
    notify(user=person, event_key="k2", text="News", url="/x/")
    assert mail.outbox[-1].subject == "An update on Podium"


@pytest.mark.parametrize("language", ["xx", "es" * 10, "%00", "e%20s"])
def test_an_unknown_language_changes_nothing(client, language):
    person = ConsultantFactory()
    client.force_login(person)
    response = client.get(f"/language/{language}/")
    assert (response.status_code, response["Location"]) == (302, "/")
    person.refresh_from_db()
    assert person.language == ""


def test_a_visitor_switching_stores_nothing_but_the_cookie(client):
    response = client.get("/language/es/")
    assert response.cookies["django_language"].value == "es"
    assert not User.objects.exclude(language="").exists()

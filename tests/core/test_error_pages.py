"""The 404 and 500 pages: calm, useful, and in the visitor's language."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_a_missing_page_is_calm_and_offers_ways_on(client):
    response = client.get("/no-such-page/")
    text = response.content.decode()
    assert response.status_code == 404
    assert "Nothing is wrong on your side" in text
    assert 'href="/resources/"' in text
    assert 'class="quick-exit' in text  # the quick exit is on every page, errors too


def test_a_missing_page_speaks_spanish_to_a_spanish_browser(client):
    response = client.get("/no-such-page/", headers={"accept-language": "es"})
    assert response.status_code == 404
    assert "No encontramos esa página" in response.content.decode()


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Something went wrong on our side"), ("es", "Algo salió mal de nuestro lado")],
)
def test_the_server_error_page_needs_no_database_and_is_translated(
    language, heading, django_assert_num_queries
):
    request = RequestFactory().get("/")
    with translation.override(language), django_assert_num_queries(0):
        response = server_error(request)
    text = response.content.decode()
    assert response.status_code == 500
    assert heading in text
    assert f'lang="{language}"' in text

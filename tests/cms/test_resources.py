"""The resource directory: on every site from the first migration, filterable, calm."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import Resource, ResourceIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources():
    return [
        Resource.objects.create(name="Everywhere Line", category="hotline", phone="1-800-555-0100"),
        Resource.objects.create(name="North Legal", category="legal", region="North"),
        Resource.objects.create(name="South Housing", category="housing", region="South"),
    ]


def _names(response):
    return [r.name for r in response.context["resources"]]


def test_the_directory_page_exists_and_lists_resources(client, resources):
    page = ResourceIndexPage.objects.get()
    response = client.get(page.url)
    assert page.url == "/resources/"
    assert _names(response) == ["Everywhere Line", "North Legal", "South Housing"]
    assert 'href="tel:18005550100"' in response.content.decode()


def test_filters_by_category_and_keeps_nationwide_help_in_every_region(client, resources):
    assert _names(client.get("/resources/", {"category": "legal"})) == ["North Legal"]
    assert _names(client.get("/resources/", {"region": "North"})) == [
        "Everywhere Line",
        "North Legal",
    ]


@pytest.mark.parametrize(
    "query",
    [
        {"category": "weapons"},
        {"region": "<script>"},
        {"category": "\x00"},
        {"region": "x" * 5000},
    ],
)
def test_unknown_filters_show_everything_with_a_message_not_an_error(client, resources, query):
    response = client.get("/resources/", query)
    assert response.status_code == 200
    assert len(_names(response)) == 3
    assert "<script>" not in response.content.decode()
    assert response.context["form"].errors


def test_the_query_count_does_not_grow_with_the_list(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/resources/")
        return len(queries)

    Resource.objects.create(name="One", category="hotline")
    client.get("/resources/")
    one = count()
    for n in range(20):
        Resource.objects.create(name=f"More {n}", category="jobs", region=f"Region {n}")
    assert count() == one


def test_editors_keep_the_directory_in_the_admin(editor_client, resources):
    from django.urls import reverse

    response = editor_client.get(reverse("wagtailsnippets_cms_resource:list"))
    assert response.status_code == 200
    assert "North Legal" in response.content.decode()
    add = editor_client.post(
        reverse("wagtailsnippets_cms_resource:add"),
        {"name": "West Shelter", "category": "housing", "sort_order": "5", "website": "nope"},
    )
    assert add.status_code == 200  # the bad address is shown, nothing saved
    assert not Resource.objects.filter(name="West Shelter").exists()


def test_a_text_line_with_a_word_is_one_tappable_sms_link_printed_once(client):
    Resource.objects.create(
        name="Abuse Line", category="hotline", text_line="88788", text_keyword="START"
    )
    Resource.objects.create(name="Crisis Line", category="hotline", text_line="741 741")
    html = client.get("/resources/").content.decode()
    assert html.count("START") == 2  # the link's body and its words, nothing else
    assert "Text Text" not in html
    assert (
        'href="sms:88788?&amp;body=START">Text START to <span class="nowrap">88788</span></a>'
        in html
    )
    assert 'href="sms:741741">Text <span class="nowrap">741 741</span></a>' in html


def test_a_sentence_is_refused_as_the_number_to_text():
    from django.core.exceptions import ValidationError

    resource = Resource(name="Line", category="hotline", text_line="Text START to 88788")
    with pytest.raises(ValidationError) as refused:
        resource.full_clean()
    assert "text_line" in refused.value.message_dict


def test_the_migration_splits_a_sentence_into_number_and_word():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("cms.migrations.0016_resource_text_keyword")
    old = Resource.objects.create(name="Old", category="hotline", text_line="Text START to 88788")
    kept = Resource.objects.create(name="Kept", category="hotline", text_line="233733")
    migration.split_sentences(apps, None)
    old.refresh_from_db()
    kept.refresh_from_db()
    assert (old.text_line, old.text_keyword) == ("88788", "START")
    assert (kept.text_line, kept.text_keyword) == ("233733", "")

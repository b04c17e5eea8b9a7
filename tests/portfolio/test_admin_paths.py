"""A consultant's way through the Wagtail admin: who sees a page is asked first and
never misreported, drafts never block a title, buttons say what they do."""

import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield

from portfolio.models import BlogPostPage
from portfolio.services import direct_publishing_grant
from tests.factories import published_child, published_profile
from tests.portfolio.test_admin_permissions import profile_form

pytestmark = pytest.mark.django_db


def new_post(title, *, slug, audience="private", **actions):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "",
            "content_note": "",
            "body": streamfield([]),
            "audience": audience,
            **actions,
        }
    )


@pytest.fixture
def profile(db):
    """A published profile whose consultant publishes directly (after the first review)."""
    profile = published_profile(title="Ana Rivera", audience="public")
    direct_publishing_grant(profile=profile)
    return profile


def test_the_audience_comes_first_with_the_private_default_chosen(client, consultant):
    parent = consultant.speaker_profile
    client.force_login(consultant)
    body = client.get(f"/admin/pages/add/portfolio/blogpostpage/{parent.pk}/").content.decode()

    assert body.index('name="audience"') < body.index('name="title"')
    radios = re.findall(r'<input[^>]*name="audience"[^>]*>', body)
    assert [tag for tag in radios if "checked" in tag] == [
        tag for tag in radios if 'value="private"' in tag
    ]
    # Wagtail's "Settings" tab held it before; it is gone, and "Promote" says "Address".
    # The tabs are read by their visible names: Wagtail derives their ids from the names in
    # the language of the first request that built the form, so ids vary with test order.
    tabs = re.findall(r'<a id="tab-label-[^"]*"[^>]*role="tab"[^>]*>\s*([^<]*?)\s*<', body)
    assert tabs == ["Content", "Address"]


@pytest.mark.parametrize(
    ("audience", "status"),
    [("private", "Only you"), ("network", "Members only"), ("public", "live")],
)
def test_a_published_page_is_called_live_only_when_everyone_can_see_it(
    client, profile, audience, status
):
    post = published_child(profile, BlogPostPage, title="My talk", audience=audience)
    assert str(post.status_string) == status

    client.force_login(profile.consultant)
    listing = client.get(f"/admin/pages/{profile.pk}/").content.decode()
    assert status in listing
    header = client.get(f"/admin/pages/{post.pk}/edit/").content.decode()
    if audience != "public":
        assert ">Live<" not in header.replace("\n", "").replace(" ", "")
        assert "First published" not in header


@pytest.mark.parametrize(
    ("audience", "words"),
    [
        ("private", "It is visible only to you and Podium&#x27;s editors."),
        ("network", "is saved for signed-in consultants and verified organizations only."),
    ],
)
def test_publishing_a_page_few_can_see_does_not_say_published(client, profile, audience, words):
    post = published_child(profile, BlogPostPage, title="My talk", slug="my-talk")
    client.force_login(profile.consultant)

    response = client.post(
        f"/admin/pages/{post.pk}/edit/",
        new_post("My talk", slug="my-talk", audience=audience, **{"action-publish": "1"}),
        follow=True,
    )

    said = [str(m) for m in get_messages(response.wsgi_request)] or [response.content.decode()]
    text = " ".join(said) + response.content.decode()
    assert words.replace("&#x27;", "'") in text.replace("&#x27;", "'")
    assert "has been published" not in text


def test_publishing_a_public_page_still_says_published(client, profile):
    post = published_child(profile, BlogPostPage, title="My talk", slug="my-talk")
    client.force_login(profile.consultant)
    response = client.post(
        f"/admin/pages/{post.pk}/edit/",
        new_post("My talk", slug="my-talk", audience="public", **{"action-publish": "1"}),
        follow=True,
    )
    assert "has been published" in response.content.decode()


def test_the_review_button_is_plain(client, consultant):
    profile = consultant.speaker_profile
    client.force_login(consultant)
    body = client.get(f"/admin/pages/{profile.pk}/edit/").content.decode()
    assert "Send for review" in body
    assert "Submit to" not in body
    assert "Moderators" not in body

    response = client.post(
        f"/admin/pages/{profile.pk}/edit/",
        profile_form(profile, title="Ana Rivera", **{"action-submit": "action-submit"}),
        follow=True,
    )
    assert "is sent for review" in response.content.decode()
    assert "submitted for moderation" not in response.content.decode()


def test_a_draft_left_behind_does_not_block_its_title(client, profile):
    left = BlogPostPage(title="My talk", slug="my-talk", audience="private", live=False)
    profile.add_child(instance=left)
    client.force_login(profile.consultant)

    response = client.post(
        f"/admin/pages/add/portfolio/blogpostpage/{profile.pk}/",
        new_post("My talk", slug="my-talk", **{"action-save": "1"}),
    )

    assert response.status_code == 302
    slugs = sorted(Page.objects.child_of(profile).values_list("slug", flat=True))
    assert slugs == ["my-talk", "my-talk-2"]


def test_a_published_page_keeps_its_address_and_the_refusal_is_plain(client, profile):
    published_child(profile, BlogPostPage, title="My talk", slug="my-talk")
    client.force_login(profile.consultant)

    response = client.post(
        f"/admin/pages/add/portfolio/blogpostpage/{profile.pk}/",
        new_post("My talk", slug="my-talk", **{"action-save": "1"}),
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert "Another page already has the address “my-talk”" in body
    assert Page.objects.child_of(profile).count() == 1


def test_the_admin_is_named_podium_and_has_no_wagtail_help_for_consultants(client, consultant):
    assert Site.objects.get(is_default_site=True).site_name == "Podium"
    client.force_login(consultant)
    body = client.get("/admin/").content.decode()
    assert "localhost" not in body
    assert "Editor Guide" not in body
    assert "editor guide" not in body
    assert 'href="/dashboard/"' in body


def test_a_consultant_who_chose_spanish_gets_the_admin_in_spanish_on_any_device(client, consultant):
    client.force_login(consultant)
    client.get("/language/es/")

    elsewhere = Client()  # another browser: no language cookie
    elsewhere.force_login(consultant)
    body = elsewhere.get(f"/admin/pages/{consultant.speaker_profile.pk}/edit/").content.decode()
    assert 'lang="es"' in body
    assert "Enviar a revisión" in body
    assert "Quién puede ver esto" in body


def test_an_empty_address_is_made_from_the_title(client, profile):
    client.force_login(profile.consultant)
    response = client.post(
        f"/admin/pages/add/portfolio/blogpostpage/{profile.pk}/",
        new_post("Fair pay, plainly", slug="", **{"action-save": "1"}),
    )
    assert response.status_code == 302
    assert list(Page.objects.child_of(profile).values_list("slug", flat=True)) == [
        "fair-pay-plainly"
    ]

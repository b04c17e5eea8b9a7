"""A renamed profile keeps its old addresses, without revealing a page that is now hidden.

A consultant who changes their profile's address (its slug) gets permanent redirects
from every old address of the profile and of every page under it. A redirect answers
like its target: whoever may not see the page gets the same 404 as for any unknown
address, and so never learns the new address.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect

from portfolio.models import BlogPostPage, VideoPage
from portfolio.services import direct_publishing_grant, old_versions_forget, profile_pause
from tests.conftest import module_world
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    UserFactory,
    published_child,
    published_profile,
)

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("redirects")]

OLD, NEW = "ada-stone", "ada-stone-consulting"


def publish(page, django_capture_on_commit_callbacks, **changes):
    # Wagtail records the redirects when the slug change commits.
    for name, value in changes.items():
        setattr(page, name, value)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision(user=page.consultant).publish(user=page.consultant)
    page.refresh_from_db()
    return page


def build_world():
    """A public profile with a post and a video, renamed after they were published, and
    a person of each kind to ask for its addresses."""
    profile = published_profile(slug=OLD)
    published_child(profile, BlogPostPage, title="On supply chains")
    published_child(profile, VideoPage, title="A talk", video_url="https://vimeo.com/123456789")
    direct_publishing_grant(profile=profile)  # past the first review: edits go live
    member = UserFactory()
    Authenticator.objects.create(user=member, type=Authenticator.Type.TOTP, data={})
    editor = EditorFactory()
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    return {
        "renamed": publish(profile, TestCase.captureOnCommitCallbacks, slug=NEW),
        "other consultant": ConsultantFactory(),
        "organization member": member,
        "editor": editor,
    }


# Made once for the module; each test reads fresh copies inside its own savepoint.
built, world, renamed = module_world(build_world, "renamed")


OLD_TO_NEW = [
    (f"/speakers/{OLD}/", f"/speakers/{NEW}/"),
    (f"/speakers/{OLD}/media-kit/", f"/speakers/{NEW}/media-kit/"),
    (f"/speakers/{OLD}/feed/", f"/speakers/{NEW}/feed/"),
    (f"/speakers/{OLD}/on-supply-chains/", f"/speakers/{NEW}/on-supply-chains/"),
    (f"/speakers/{OLD}/a-talk/", f"/speakers/{NEW}/a-talk/"),
]


@pytest.mark.parametrize(("old", "new"), OLD_TO_NEW)
def test_every_old_address_of_a_renamed_profile_redirects_permanently(client, renamed, old, new):
    response = client.get(old)

    assert (response.status_code, response["Location"]) == (301, new)
    assert client.get(new).status_code == 200


def _viewers(world, profile):
    people = ("other consultant", "organization member", "editor")
    return {"anonymous": None, "owner": profile.consultant} | {who: world[who] for who in people}


# Who may see the target page, by its audience (portfolio.viewer).
SEES = {
    "network": {"other consultant", "owner", "editor"},
    "private": {"owner", "editor"},
}


@pytest.mark.parametrize("audience", ["network", "private"])
@pytest.mark.parametrize(
    "viewer", ["anonymous", "other consultant", "organization member", "owner", "editor"]
)
@pytest.mark.parametrize(("old", "new"), OLD_TO_NEW[:1] + OLD_TO_NEW[3:4])
def test_an_old_address_answers_like_the_page_it_now_points_to(
    client, world, django_capture_on_commit_callbacks, audience, viewer, old, new
):
    profile = publish(world["renamed"], django_capture_on_commit_callbacks, audience=audience)
    person = _viewers(world, profile)[viewer]
    if person is not None:
        client.force_login(person)

    old_response = client.get(old)
    new_response = client.get(new)

    if viewer in SEES[audience]:
        assert (old_response.status_code, old_response["Location"]) == (301, new)
        assert new_response.status_code == 200
    else:
        assert old_response.status_code == new_response.status_code == 404
        assert "Location" not in old_response
        assert NEW not in old_response.content.decode()


def test_a_paused_profile_s_old_address_is_a_plain_404(client, renamed):
    profile_pause(profile=renamed)

    response = client.get(f"/speakers/{OLD}/")
    assert response.status_code == 404
    assert NEW not in response.content.decode()


def test_the_redirects_admin_is_for_editors_only(client, world):
    renamed = world["renamed"]
    consultant = renamed.consultant
    client.force_login(consultant)
    menu = client.get("/admin/").content.decode()
    listing = client.get("/admin/redirects/")
    adding = client.get("/admin/redirects/add/")

    assert "/admin/redirects/" not in menu
    for response in (listing, adding):
        # Out of a consultant's reach: not found, like any admin page that is not theirs.
        assert response.status_code == 404
        assert OLD not in response.content.decode()

    client.force_login(world["editor"])
    listing = client.get("/admin/redirects/")
    assert listing.status_code == 200
    assert f"/speakers/{OLD}" in listing.content.decode()
    assert client.get("/admin/redirects/add/").status_code == 200


def test_forgetting_old_versions_forgets_old_addresses_too(client, renamed):
    old_versions_forget(profile=renamed)

    for old, new in OLD_TO_NEW:
        response = client.get(old)
        assert response.status_code == 404
        assert NEW not in response.content.decode()
        assert client.get(new).status_code == 200


@pytest.mark.parametrize(
    ("stored", "asked"),
    [
        ("/charlas/año-2025/", "/charlas/a%C3%B1o-2025/"),  # stored decoded, asked encoded
        ("/talks/?id=7", "/talks/?id=7"),  # with its query string
        ("/talks/", "/talks/?utm_source=flyer"),  # without the query string asked
    ],
)
def test_an_editors_redirect_answers_in_every_form_wagtail_looks_up(client, stored, asked):
    Redirect.add_redirect(Redirect.normalise_path(stored), "/fair-pay/", is_permanent=False)

    response = client.get(asked)

    assert (response.status_code, response["Location"]) == (302, "/fair-pay/")


def test_an_address_without_a_redirect_is_a_404_after_one_redirect_query(
    client,
):
    """A 404 without a redirect asks the redirects once, without Wagtail's site lookup:
    scanners guessing addresses cost one indexed query here, not three."""
    Redirect.add_redirect("/another-old-address/", "/fair-pay/")
    client.get("/warm-up/")  # the session, site root paths and settings read once
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/wp-login.php?redirect_to=%2Fadmin")

    assert response.status_code == 404
    redirect_queries = [q["sql"] for q in queries if "wagtailredirects_redirect" in q["sql"]]
    site_queries = [q["sql"] for q in queries if '"wagtailcore_site"' in q["sql"]]
    assert len(redirect_queries) == 1
    assert site_queries == []

"""In the Wagtail admin a consultant works on their own pages only, and is reviewed once.

Consultant A against consultant B, by the admin's own screens and by direct URL.
"""

import pytest
from allauth.mfa.models import Authenticator
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from core.media.services import image_create
from portfolio.models import BlogPostPage, SpeakerProfilePage
from tests.core.images import read_fixture
from tests.factories import ConsultantFactory, EditorFactory, published_profile

pytestmark = pytest.mark.django_db


def profile_form(profile, **changes):
    data = {
        "title": profile.title,
        "slug": profile.slug,
        "headline": profile.headline,
        "pronouns": "",
        "bio": rich_text("<p>Bio</p>"),
        "lived_experience": rich_text(""),
        "lived_experience_audience": "private",
        "years_of_experience": "",
        "credentials": "",
        "links": inline_formset([]),
        "country": "",
        "region": "",
        "travel": "none",
        "virtual": "on",
        "rates_audience": "network",
        "rates": inline_formset([]),
        "past_engagements": inline_formset([]),
        "topics_not_discussed": "",
        "accommodation_needs": "",
        "availability": "open",
        "paused_until": "",
        "audience": "public",
    }
    data.update(changes)
    return nested_form_data(data)


@pytest.fixture
def a(db):
    return ConsultantFactory()


@pytest.fixture
def b_profile(db):
    return published_profile(title="Bea Other", headline="qq-bea", audience="private")


@pytest.fixture
def editor(db):
    editor = EditorFactory()
    Authenticator.objects.create(user=editor, type=Authenticator.Type.TOTP, data={})
    return editor


def test_a_consultant_can_edit_their_own_draft_profile(client, a):
    profile = a.speaker_profile
    client.force_login(a)

    assert client.get(f"/admin/pages/{profile.pk}/edit/").status_code == 200
    response = client.post(
        f"/admin/pages/{profile.pk}/edit/", profile_form(profile, title="Ana Rivera")
    )

    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.get_latest_revision_as_object().title == "Ana Rivera"


B_URLS = [
    "/admin/pages/{pk}/edit/",
    "/admin/pages/{pk}/delete/",
    "/admin/pages/{pk}/move/",
    "/admin/pages/{pk}/copy/",
    "/admin/pages/{pk}/unpublish/",
    "/admin/pages/{pk}/history/",
    "/admin/pages/{pk}/revisions/",
    "/admin/pages/{pk}/add_subpage/",
    "/admin/pages/add/portfolio/blogpostpage/{pk}/",
    "/admin/pages/{pk}/edit/preview/",
]


@pytest.mark.parametrize("path", B_URLS)
def test_another_consultants_pages_are_out_of_reach(client, a, b_profile, path):
    client.force_login(a)
    url = path.format(pk=b_profile.pk)

    for response in (client.get(url), client.post(url, profile_form(b_profile, title="Hacked"))):
        # 404, as for an id that does not exist: the admin does not confirm it exists.
        assert response.status_code == 404, url
        assert b"qq-bea" not in response.content

    b_profile.refresh_from_db()
    assert b_profile.title == "Bea Other"
    assert b_profile.live
    assert SpeakerProfilePage.objects.filter(pk=b_profile.pk).exists()
    assert not BlogPostPage.objects.child_of(b_profile).exists()


def test_another_consultants_pages_are_not_listed_or_searchable(client, a, b_profile):
    client.force_login(a)
    index = b_profile.get_parent()
    for url in (
        "/admin/pages/",
        f"/admin/pages/{index.pk}/",
        "/admin/pages/search/?q=Bea",
        "/admin/pages/search/?q=qq-bea",
        "/admin/choose-page/",
        f"/admin/choose-page/{index.pk}/",
        "/admin/choose-page/search/?q=Bea",
    ):
        response = client.get(url)
        assert b"Bea Other" not in response.content, url


@pytest.mark.parametrize(
    "url", ["/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/workflows/list/"]
)
def test_consultants_never_manage_users_or_the_site(client, a, url):
    client.force_login(a)
    response = client.get(url)
    assert response.status_code == 404, url  # as for a page that does not exist


def test_a_first_publication_waits_for_an_editors_safety_review(client, a, editor):
    profile = a.speaker_profile
    client.force_login(a)

    client.post(
        f"/admin/pages/{profile.pk}/edit/",
        profile_form(profile, title="Ana Rivera", **{"action-publish": "action-publish"}),
    )
    profile.refresh_from_db()
    assert not profile.live  # no publish permission yet

    client.post(
        f"/admin/pages/{profile.pk}/edit/",
        profile_form(profile, title="Ana Rivera", **{"action-submit": "action-submit"}),
    )
    profile.refresh_from_db()
    state = profile.current_workflow_state
    assert state is not None
    assert state.workflow.name == "Safety review"

    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")

    profile.refresh_from_db()
    assert profile.live
    assert profile.title == "Ana Rivera"

    # Later publications go live directly.
    client.post(
        f"/admin/pages/{profile.pk}/edit/",
        profile_form(profile, title="Ana R. Rivera", **{"action-publish": "action-publish"}),
    )
    profile.refresh_from_db()
    assert profile.title == "Ana R. Rivera"


def test_an_editor_can_reject_with_a_comment_and_nothing_goes_live(client, a, editor):
    profile = a.speaker_profile
    client.force_login(a)
    client.post(
        f"/admin/pages/{profile.pk}/edit/",
        profile_form(profile, title="Ana Rivera", **{"action-submit": "action-submit"}),
    )
    profile.refresh_from_db()
    task_state = profile.current_workflow_state.current_task_state

    task_state.task.specific.on_action(task_state, editor, "reject")

    profile.refresh_from_db()
    assert not profile.live
    client.post(
        f"/admin/pages/{profile.pk}/edit/",
        profile_form(profile, **{"action-publish": "action-publish"}),
    )
    profile.refresh_from_db()
    assert not profile.live


def test_wagtails_privacy_control_is_off_for_consultant_pages(client, a):
    client.force_login(a)
    response = client.get(f"/admin/pages/{a.speaker_profile.pk}/privacy/")
    assert response.status_code == 404
    assert not Page.objects.get(pk=a.speaker_profile.pk).get_view_restrictions().exists()


def test_editors_see_every_consultants_pages_in_the_explorer(client, editor, b_profile):
    client.force_login(editor)

    response = client.get(f"/admin/pages/{b_profile.get_parent().pk}/")

    assert response.status_code == 200
    assert b"Bea Other" in response.content


def test_a_consultant_cannot_put_someone_elses_image_on_their_page(client, a):
    other = ConsultantFactory()
    source = SimpleUploadedFile("photo.jpg", read_fixture("DSCN0010.jpg"), "image/jpeg")
    image = image_create(
        source=source, title="Other's photo", collection=other.workspace.collection
    )
    profile = a.speaker_profile
    client.force_login(a)

    response = client.post(
        f"/admin/pages/{profile.pk}/edit/", profile_form(profile, photo=image.pk)
    )

    assert response.status_code == 200  # the form again, with its error
    assert b"Select a valid choice" in response.content
    assert b"Other&#x27;s photo" not in response.content
    assert profile.get_latest_revision_as_object().photo_id is None

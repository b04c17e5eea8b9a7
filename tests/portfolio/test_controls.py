"""The consultant's controls: pause, resume, forget old versions, a slug without a trail."""

import pytest
from wagtail.models import Comment, Revision

from portfolio import services
from portfolio.models import BlogPostPage
from tests.accounts.helpers import sign_in
from tests.factories import PASSWORD, TopicFactory, published_child, published_profile
from tests.forensics import remnants

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile():
    topic = TopicFactory(name="Housing", slug="housing")
    profile = published_profile(headline="Trainer qq-live", topics=[topic])
    published_child(profile, BlogPostPage, title="Post qq-live", topics=[topic])
    return profile


def everywhere(client, profile):
    post = profile.get_children().first()
    urls = [profile.url, post.url, "/speakers/", "/speakers/topics/housing/", "/speakers/feed/"]
    return " ".join(client.get(url).content.decode() for url in urls)


def test_pause_hides_everything_at_once_and_resume_brings_it_back(client, profile):
    assert "qq-live" in everywhere(client, profile)
    owner = profile.consultant

    owner_client = type(client)()
    owner_client.force_login(owner)
    response = owner_client.post("/dashboard/profile/pause/")
    assert response.status_code == 302

    assert "qq-live" not in everywhere(client, profile)
    assert client.get(profile.url).status_code == 404
    assert owner_client.get(profile.url).status_code == 200  # the owner still sees it
    assert "Resume my profile" in owner_client.get("/dashboard/").content.decode()

    owner_client.post("/dashboard/profile/resume/")
    assert "qq-live" in everywhere(client, profile)


def test_a_pause_survives_publishing_a_new_version(client, profile):
    services.profile_pause(profile=profile)
    profile.refresh_from_db()

    profile.headline = "Changed qq-new"
    profile.save_revision(user=profile.consultant).publish()

    assert client.get(profile.url).status_code == 404
    assert "qq-new" not in client.get("/speakers/").content.decode()


@pytest.mark.parametrize("url", ["/dashboard/profile/pause/", "/dashboard/profile/resume/"])
def test_pause_needs_a_post_by_a_signed_in_consultant(client, user, url):
    assert client.post(url).status_code == 302  # to sign-in
    client.force_login(user)  # an organization member has no profile
    assert client.post(url).status_code == 404
    assert client.get(url).status_code == 405


def test_pause_only_ever_touches_your_own_profile(client, profile):
    other = published_profile(title="Other speaker", headline="qq-other")
    client.force_login(other.consultant)
    client.post("/dashboard/profile/pause/", {"profile": profile.pk, "id": profile.pk})

    profile.refresh_from_db()
    other.refresh_from_db()
    assert not profile.is_paused
    assert other.is_paused


def test_forget_old_versions_removes_every_old_text(client, profile):
    profile.headline = "Lives near qq-street"
    profile.save_revision(user=profile.consultant).publish()
    profile.headline = "Trainer"
    profile.save_revision(user=profile.consultant).publish()
    revisions = Revision.page_revisions.filter(object_id=str(profile.pk))
    assert any("qq-street" in str(r.content) for r in revisions)

    sign_in(client, profile.consultant)
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    response = client.post("/dashboard/profile/forget-old-versions/")

    assert response.status_code == 302
    revisions = Revision.page_revisions.filter(object_id=str(profile.pk))
    assert not any("qq-street" in str(r.content) for r in revisions)
    assert revisions.count() == 1
    profile.refresh_from_db()
    assert profile.live_revision_id is not None


OLD = ["zqxoldtitle", "zqxoldstreet", "zqxoldpost", "zqxoldcomment"]


def _renamed_twice(profile):
    """Old titles and text in every place Wagtail keeps them: revisions, renames in the
    history, a draft title, the search index and a review comment."""
    profile.title = "Ada zqxoldtitle"
    profile.headline = "Lives near zqxoldstreet"
    profile.save_revision(user=profile.consultant).publish()
    post = profile.get_children().specific().get()
    post.title = "Post zqxoldpost"
    post.save_revision(user=profile.consultant).publish()
    Comment.objects.create(
        page=post, user=profile.consultant, text="Remove zqxoldcomment", contentpath="title"
    )
    profile.title, profile.headline = "Ada Stone", "Trainer"
    profile.save_revision(user=profile.consultant).publish()
    post.title = "A post"
    post.save_revision(user=profile.consultant).publish()
    profile.title = "Ada Stone draft"
    profile.save_revision(user=profile.consultant)  # a newer draft stays
    assert len(remnants(OLD)) >= 5, "the scenario must leave old text to forget"
    return post


def test_forget_old_versions_leaves_no_old_text_anywhere(profile, editor_client):
    post = _renamed_twice(profile)

    services.old_versions_forget(profile=profile)

    assert remnants(OLD) == []
    profile.refresh_from_db()
    assert profile.live_revision.as_object().title == "Ada Stone"
    assert profile.latest_revision.as_object().title == "Ada Stone draft"
    for page in (profile, post):
        history = editor_client.get(f"/admin/pages/{page.pk}/history/")
        assert history.status_code == 200
        assert "Ada Stone" in history.content.decode() or "A post" in history.content.decode()
        assert not any(m in history.content.decode() for m in OLD)


def test_forget_old_versions_leaves_no_old_text_on_postgresql(postgres, profile):
    _renamed_twice(profile)
    services.old_versions_forget(profile=profile)
    assert remnants(OLD) == []


def test_forget_old_versions_asks_for_the_password_first(client, profile):
    sign_in(client, profile.consultant)
    response = client.post("/dashboard/profile/forget-old-versions/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")

"""The home page's featuring chooser offers only what may be featured, so an editor is
never refused after choosing; the refusal itself stays for anything sent anyway."""

import pytest

from portfolio.models import BlogPostPage
from portfolio.services import featuring_consent_set
from tests.factories import published_child, published_profile

pytestmark = pytest.mark.django_db

FEATURING = "portfolio.speakerprofilepage,portfolio.blogpostpage,portfolio.videopage"


def _choose(client, parent=None, **params):
    path = f"/admin/choose-page/{parent.pk}/" if parent else "/admin/choose-page/"
    response = client.get(path, {"page_type": FEATURING, **params})
    assert response.status_code == 200
    return response.json()["html"]


@pytest.fixture
def consenting():
    profile = published_profile(title="Noor Basri", slug="noor-basri")
    featuring_consent_set(profile=profile, consent=True)
    profile.refresh_from_db()
    return profile


def test_the_featuring_chooser_lists_only_consultants_who_agreed(editor_client, consenting):
    published_profile(title="Ines Varga", slug="ines-varga")  # did not agree
    shy = published_profile(title="Ola Ekwe", slug="ola-ekwe", audience="network")
    featuring_consent_set(profile=shy, consent=True)  # agreed, but not public

    html = _choose(editor_client, consenting.get_parent())

    assert "Noor Basri" in html
    assert "Ines Varga" not in html
    assert "Ola Ekwe" not in html


def test_the_featuring_chooser_lists_only_public_posts_and_its_search_agrees(
    editor_client, consenting
):
    published_child(consenting, BlogPostPage, title="Pay parity plainly")
    published_child(consenting, BlogPostPage, title="Pay notes private", audience="private")

    html = _choose(editor_client, consenting)
    assert "Pay parity plainly" in html
    assert "Pay notes private" not in html

    response = editor_client.get("/admin/choose-page/search/", {"page_type": FEATURING, "q": "Pay"})
    found = response.content.decode()
    assert "Pay parity plainly" in found
    assert "Pay notes private" not in found


def test_other_choosers_still_list_every_page_for_editors(editor_client, consenting):
    published_profile(title="Ines Varga", slug="ines-varga")
    html = editor_client.get(f"/admin/choose-page/{consenting.get_parent().pk}/").json()["html"]
    assert "Ines Varga" in html

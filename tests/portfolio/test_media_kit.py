"""The one-sheet, as a page and as a PDF, shows what the viewer may see and nothing more."""

import io

import pytest
from django.conf import settings
from django.test import Client
from django.utils.translation import get_language
from pypdf import PdfReader

from core.media.pdf import Sheet
from tests.factories import ConsultantFactory, TopicFactory, published_profile

pytestmark = pytest.mark.django_db


def pdf_text(content: bytes) -> str:
    """The text of the PDF, as a reader (or a screen reader) would get it."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


@pytest.fixture
def profile():
    return published_profile(
        title="Олена Коваль",  # Cyrillic, like a Ukrainian speaker's name
        headline="Trainer on housing — Đà Nẵng workshops",
        bio="<p>Olena trains housing providers.</p>",
        topics=[TopicFactory(name="Housing", slug="housing")],
        rates=[("keynote", 900)],
        rates_audience="network",
        lived_experience="<p>qq-story</p>",
        lived_experience_audience="private",
        topics_not_discussed="My family",
    )


def test_the_pdf_downloads_with_the_public_sections(client, profile):
    response = client.get(profile.url + "media-kit/pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="one-sheet.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content)
    assert "Олена Коваль" in text
    assert "Housing" in text
    assert "My family" in text
    assert "qq-story" not in text  # private statement
    assert "900" not in text  # network-only rates, anonymous viewer


def test_the_owner_gets_every_section(client, profile):
    client.force_login(profile.consultant)
    text = pdf_text(client.get(profile.url + "media-kit/pdf/").content)
    assert "qq-story" in text
    assert "900" in text


def test_a_hidden_profile_has_no_pdf(client):
    private = published_profile(audience="private")
    assert client.get(private.url + "media-kit/pdf/").status_code == 404
    client.force_login(ConsultantFactory())
    assert client.get(private.url + "media-kit/pdf/").status_code == 404


def test_the_pdf_names_no_author_or_software_version(client, profile):
    content = client.get(profile.url + "media-kit/pdf/").content
    assert b"/Author" not in content
    assert b"fpdf2" not in content.lower()


def test_a_kept_sheet_never_reaches_a_viewer_who_may_see_less(client, profile):
    """The owner's sheet, with every section, is drawn and kept first; a visitor asking
    next gets the sheet of the sections a visitor may see."""
    owner = Client()
    owner.force_login(profile.consultant)
    assert "qq-story" in pdf_text(owner.get(profile.url + "media-kit/pdf/").content)

    text = pdf_text(client.get(profile.url + "media-kit/pdf/").content)

    assert "qq-story" not in text
    assert "900" not in text


def test_a_sheet_is_drawn_once_per_language_and_again_after_a_publication(
    client, profile, monkeypatch
):
    drawn = []
    to_bytes = Sheet.to_bytes

    def counted(sheet):
        drawn.append(get_language())
        return to_bytes(sheet)

    monkeypatch.setattr(Sheet, "to_bytes", counted)
    address = profile.url + "media-kit/pdf/"
    first, again = client.get(address).content, client.get(address).content
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    spanish = pdf_text(client.get(address).content)
    assert (drawn, first) == (["en", "es"], again)
    assert "Temas" in spanish

    profile.headline = "Trainer on tenancy law"
    profile.save_revision(user=profile.consultant).publish()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    assert "tenancy law" in pdf_text(client.get(address).content)
    assert drawn == ["en", "es", "en"]


def test_with_the_cache_away_the_sheet_is_drawn_each_time(client, profile, cache_away):
    for _ in range(2):
        response = client.get(profile.url + "media-kit/pdf/")
        assert response.status_code == 200
        assert "Олена Коваль" in pdf_text(response.content)

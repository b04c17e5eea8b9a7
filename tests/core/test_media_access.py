"""Originals are never publicly reachable."""

import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import clear_url_caches

from core.media.services import image_create
from tests.core import images as h

pytestmark = pytest.mark.django_db

PROJECT_ROOT = Path(settings.BASE_DIR)


@pytest.fixture
def image():
    return image_create(source=ContentFile(h.jpeg_with_everything(), name="x.jpg"), title="A")


def test_originals_are_stored_outside_the_public_media_folder(image):
    original = Path(image.file.path).resolve()
    assert not original.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert original.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())


def test_renditions_are_public_and_the_only_public_files(image):
    rendition = image.get_rendition("width-100")
    assert Path(rendition.file.path).resolve().is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert "original_images" not in rendition.url


def test_no_url_serves_an_original(client, image):
    name = image.file.name
    for url in (
        f"/media/{name}",
        f"/private-media/{name}",
        f"/{name}",
        f"/images/{image.pk}/",
        f"/images/{image.pk}/original/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url


@pytest.fixture
def debug_urls():
    # config.urls adds the development media view only when DEBUG is on.
    import importlib

    import config.urls

    with override_settings(DEBUG=True):
        importlib.reload(config.urls)
        clear_url_caches()
        yield
    importlib.reload(config.urls)
    clear_url_caches()


def test_the_development_media_view_refuses_originals(client, image, debug_urls):
    rendition = image.get_rendition("width-100")
    stray_copy = Path(settings.MEDIA_ROOT, image.file.name)
    stray_copy.parent.mkdir(parents=True, exist_ok=True)
    stray_copy.write_bytes(b"even a stray copy in MEDIA_ROOT is not served")

    assert client.get(rendition.url).status_code == 200
    assert client.get(f"/media/{image.file.name}").status_code == 404
    assert client.get("/media/../private_media/x").status_code == 404


@pytest.mark.parametrize("url", ["/api/v2/images/", "/api/v2/pages/", "/api/v2/documents/"])
def test_the_wagtail_api_is_off(client, url):
    assert client.get(url).status_code == 404


def test_the_api_app_is_not_installed():
    assert "wagtail.api.v2" not in settings.INSTALLED_APPS


# A template that links an original: {{ image.file.url }} or {% image x original %}.
ORIGINAL_LINK = re.compile(r"\.file\.url|{%\s*image\s+\S+\s+original\b")


def project_templates():
    for folder in ("templates", "accounts", "core", "cms", "portfolio", "networking"):
        for dirpath, _dirs, files in os.walk(PROJECT_ROOT / folder):
            for file in files:
                if file.endswith((".html", ".txt", ".xml")):
                    yield Path(dirpath, file)


def test_no_template_links_an_original():
    templates = list(project_templates())
    assert templates, "no templates found: the scan would prove nothing"
    offenders = [str(t) for t in templates if ORIGINAL_LINK.search(t.read_text())]
    assert offenders == []


@pytest.mark.parametrize(
    "snippet",
    ['<img src="{{ photo.file.url }}">', "{% image photo original %}"],
)
def test_the_template_scan_catches_an_original_link(snippet):
    assert ORIGINAL_LINK.search(snippet)

"""No picture stored through the Wagtail admin carries a place, a device or a name.

Every hostile picture (real camera and phone photos, and files built to hide metadata
in every place a format allows) goes through every admin upload path; then every file
that was stored (originals and renditions) is opened by tests.media_checker.
"""

import functools
import json

import pytest

from core.models import PodiumImage
from tests import hostile_media as hm
from tests import media_checker
from tests.core import images as h

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/images/add/"
MULTIPLE_ADD_URL = "/admin/images/multiple/add/"
CHOOSER_ADD_URL = "/admin/images/chooser/create/"


@functools.cache
def hostile_images() -> list[tuple[str, bytes]]:
    return hm.hostile_images()


def truncated_jpegs() -> list[tuple[str, bytes]]:
    whole = h.read_fixture("DSCN0010.jpg")
    return [
        ("half.jpg", whole[: len(whole) // 2]),
        ("header_only.jpg", whole[:1000]),
        ("cut_at_20k.jpg", whole[:20000]),
    ]


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


def post_add(client, consultant, name, content):
    return client.post(
        ADD_URL,
        {
            "title": "A photo",
            "file": h.upload(name, content),
            "collection": consultant.workspace.collection.pk,
            "tags": "",
        },
    )


def post_multiple(client, consultant, name, content):
    return client.post(
        MULTIPLE_ADD_URL,
        {"files[]": h.upload(name, content), "collection": consultant.workspace.collection.pk},
    )


def post_chooser(client, consultant, name, content):
    return client.post(
        CHOOSER_ADD_URL,
        {
            "image-chooser-upload-title": "A photo",
            "image-chooser-upload-file": h.upload(name, content),
            "image-chooser-upload-collection": consultant.workspace.collection.pk,
            "image-chooser-upload-tags": "",
        },
    )


UPLOAD_PATHS = {"add": post_add, "multiple": post_multiple, "chooser": post_chooser}


def test_the_checker_sees_what_each_hostile_file_hides():
    """The checker is not blind: every hostile input, as built, fails it."""
    for name, content in hostile_images():
        suffix = "." + name.rsplit(".", 1)[1]
        assert media_checker.findings_in_bytes(content, suffix, name), name
    name, content = hm.scanned_pdf()
    problems = media_checker.findings_in_bytes(content, ".pdf", name)
    for part in ("inline image", "/Scan", "/JavaScript", "/EmbeddedFiles", "/AcroForm"):
        assert any(part in line for line in problems), part


@pytest.mark.parametrize("path", sorted(UPLOAD_PATHS))
def test_every_admin_upload_path_stores_no_metadata_in_any_file(
    consultant_client, consultant, path
):
    before = media_checker.stored_files()

    for name, content in hostile_images():
        response = UPLOAD_PATHS[path](consultant_client, consultant, name, content)
        assert _accepted(path, response), name

    images = list(PodiumImage.objects.all())
    assert len(images) == len(hostile_images())
    # The three paths share one form; renditions are made once, from the first.
    specs = h.RENDITION_FILTERS if path == "add" else []
    for image in images:
        for spec in specs:
            image.get_rendition(spec)
    # Originals (private storage) and every rendition (public storage).
    checked = media_checker.assert_new_files_clean(before)
    assert checked >= len(images) * (1 + len(specs))  # the chooser adds its previews


def _accepted(path: str, response) -> bool:
    if path == "add":
        return response.status_code == 302
    body = json.loads(response.content)
    if path == "multiple":
        return body.get("success") is True
    # A picture equal to one uploaded before is stored, and the chooser offers both.
    return body.get("step") in ("chosen", "duplicate_found")


def _form_error(path: str, response) -> str:
    if path == "multiple":
        body = json.loads(response.content)
        assert body["success"] is False
        return body.get("error_message", "") + body.get("htmlFragment", "")
    if path == "chooser":
        return json.loads(response.content)["htmlFragment"]
    form = response.context["form"]
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


@pytest.mark.parametrize("path", sorted(UPLOAD_PATHS))
@pytest.mark.parametrize(("name", "content"), truncated_jpegs())
def test_a_truncated_jpeg_gets_a_form_error_on_every_admin_path(
    consultant_client, consultant, path, name, content
):
    response = UPLOAD_PATHS[path](consultant_client, consultant, name, content)

    assert response.status_code == 200
    assert "could not be read" in _form_error(path, response)
    assert not PodiumImage.objects.exists()


def test_a_colour_profile_is_applied_and_dropped(consultant_client, consultant):
    """A phone's profile names its maker: the pixels become sRGB and the profile goes."""
    name, content = hm.png_with_every_chunk()
    post_add(consultant_client, consultant, name, content)

    with PodiumImage.objects.get().file.open("rb") as stored:
        data = stored.read()
    assert b"Apple" not in data
    assert media_checker.findings_in_bytes(data, ".png", "stored") == []

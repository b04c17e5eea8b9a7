"""Uploads through the Wagtail admin: scrubbed, neutral, refused clearly, and kept apart.

Consultants upload into their own collection only, and never see another's images: an
address naming one answers exactly like a missing one.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import PodiumImage
from tests.core import images as h
from tests.core.test_image_scrubbing import rendition_bytes, stored_bytes
from tests.factories import ConsultantFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/images/add/"
MULTIPLE_ADD_URL = "/admin/images/multiple/add/"


@pytest.fixture
def consultant_client(client, consultant):
    client.force_login(consultant)
    return client


def add_one(client, consultant, name, content, title="A photo", **extra):
    data = {
        "title": title,
        "file": h.upload(name, content),
        "collection": consultant.workspace.collection.pk,
        "tags": "",
    }
    data.update(extra)
    return client.post(ADD_URL, data)


def form_errors(response) -> str:
    form = response.context["form"]
    return " ".join(str(e) for errors in form.errors.values() for e in errors)


def test_admin_upload_of_a_gps_photo_stores_no_location(consultant_client, consultant):
    original = h.read_fixture("DSCN0010.jpg")
    assert b"Exif" in original[:200]

    # Wagtail's admin script fills the title in from the file name; Podium drops it.
    response = add_one(consultant_client, consultant, "DSCN0010.jpg", original, title="DSCN0010")

    assert response.status_code == 302, form_errors(response)
    image = PodiumImage.objects.get()
    h.assert_no_metadata(stored_bytes(image))
    assert image.collection == consultant.workspace.collection
    assert image.uploaded_by_user == consultant
    assert "DSCN0010" not in image.file.name
    assert image.title == "Untitled image"


def test_admin_upload_without_a_title_gets_a_neutral_one(consultant_client, consultant):
    response = add_one(
        consultant_client, consultant, "IMG_2041_home.jpg", h.jpeg_with_everything(), title=""
    )

    assert response.status_code == 302, form_errors(response)
    assert PodiumImage.objects.get().title == "Untitled image"


def test_the_admin_form_does_not_copy_the_file_name_into_the_title(consultant_client):
    body = consultant_client.get(ADD_URL).content.decode()
    assert "w-sync" not in body


def test_admin_upload_keeps_a_title_the_person_chose(consultant_client, consultant):
    add_one(consultant_client, consultant, "x.jpg", h.jpeg_with_everything(), title="On stage")
    assert PodiumImage.objects.get().title == "On stage"


def test_multiple_upload_scrubs_and_never_titles_from_the_file_name(consultant_client, consultant):
    response = consultant_client.post(
        MULTIPLE_ADD_URL,
        {
            "files[]": h.upload("IMG_4411_home_street.jpg", h.jpeg_with_everything()),
            "collection": consultant.workspace.collection.pk,
        },
    )

    assert response.status_code == 200
    assert json.loads(response.content)["success"] is True
    image = PodiumImage.objects.get()
    h.assert_no_metadata(stored_bytes(image))
    assert "IMG_4411" not in image.title
    assert "home_street" not in image.file.name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "not a supported image"),
        ("bomb.png", h.decompression_bomb_png(), "too large"),
        ("notes.jpg", b"just some text, not a photo", "image"),
        ("empty.jpg", b"", ""),
    ],
)
def test_bad_files_get_a_form_error_and_store_nothing(
    consultant_client, consultant, name, content, message
):
    response = add_one(consultant_client, consultant, name, content)

    assert response.status_code == 200
    errors = form_errors(response)
    assert errors
    assert message.lower() in errors.lower()
    assert not PodiumImage.objects.exists()


def test_a_file_over_10_mb_is_refused_with_a_clear_message(consultant_client, consultant):
    # A valid JPEG with junk after its end marker: only the size is wrong.
    big = h.jpeg_with_everything() + b"\0" * (11 * 1024 * 1024)

    response = add_one(consultant_client, consultant, "big.jpg", big)

    assert response.status_code == 200
    assert "10" in form_errors(response)
    assert not PodiumImage.objects.exists()


@pytest.mark.parametrize("name", ["corrupted.jpg", "invalid_image00971.jpg"])
def test_damaged_photos_never_cause_a_server_error(consultant_client, consultant, name):
    response = add_one(consultant_client, consultant, name, h.read_fixture(name))

    # Pillow reads what is left of them: stored, without metadata.
    assert (response.status_code, response["Location"]) == (302, "/admin/images/")
    h.assert_no_metadata(stored_bytes(PodiumImage.objects.get()))


def test_a_hostile_title_is_escaped_in_the_admin(consultant_client, consultant):
    payload = '<script>alert("x")</script>'
    add_one(consultant_client, consultant, "x.jpg", h.jpeg_with_everything(), title=payload)
    image = PodiumImage.objects.get()

    for url in ("/admin/images/", f"/admin/images/{image.pk}/"):
        body = consultant_client.get(url).content.decode()
        assert payload not in body
        assert "&lt;script&gt;" in body


def test_a_consultant_cannot_upload_into_another_consultants_collection(
    consultant_client, consultant
):
    other = ConsultantFactory()

    response = consultant_client.post(
        ADD_URL,
        {
            "title": "Planted",
            "file": h.upload("x.jpg", h.jpeg_with_everything()),
            "collection": other.workspace.collection.pk,
        },
    )

    # The collection field offers only the consultant's own collection, so Wagtail
    # drops it from the form and files the upload there, whatever was posted.
    assert response.status_code == 302
    assert PodiumImage.objects.get().collection == consultant.workspace.collection


@pytest.fixture
def others_image(db):
    other = ConsultantFactory()
    from core.media.services import image_create

    return image_create(
        source=SimpleUploadedFile("y.jpg", h.jpeg_with_everything()),
        title="Someone else's private photo",
        collection=other.workspace.collection,
        uploaded_by=other,
    )


def test_a_consultant_does_not_see_another_consultants_images(consultant_client, others_image):
    for url in ("/admin/images/", "/admin/images/chooser/", "/admin/images/?q=private"):
        response = consultant_client.get(url)
        assert response.status_code == 200
        assert "Someone else" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/admin/images/{pk}/",
        "/admin/images/{pk}/delete/",
        "/admin/images/{pk}/generate_url/",
        "/admin/images/{pk}/preview/width-100/",
        "/admin/images/chooser/{pk}/",
        "/admin/images/usage/{pk}/",
    ],
)
def test_another_consultants_image_is_out_of_reach_by_id(consultant_client, others_image, path):
    url = path.format(pk=others_image.pk)

    for response in (consultant_client.get(url), consultant_client.post(url, {})):
        # 404, as for an id that does not exist (core.middleware checks before Wagtail).
        assert response.status_code == 404, url
        assert b"Someone else" not in response.content
    assert PodiumImage.objects.filter(pk=others_image.pk).exists()


def test_renditions_of_an_uploaded_photo_carry_no_metadata(consultant_client, consultant):
    add_one(consultant_client, consultant, "DSCN0010.jpg", h.read_fixture("DSCN0010.jpg"))
    image = PodiumImage.objects.get()

    for spec in h.RENDITION_FILTERS:
        h.assert_no_metadata(rendition_bytes(image, spec))

"""Every stored original and every rendition is free of metadata."""

import hashlib
import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image, ImageChops, ImageOps

from core.media.images import ImageRejected, scrub_image, title_is_from_filename
from core.media.services import image_create
from core.models import PodiumImage
from tests.core import images as h

pytestmark = pytest.mark.django_db


def stored_bytes(image: PodiumImage) -> bytes:
    with image.file.storage.open(image.file.name, "rb") as handle:
        return handle.read()


def rendition_bytes(image: PodiumImage, spec: str) -> bytes:
    rendition = image.get_rendition(spec)
    with rendition.file.storage.open(rendition.file.name, "rb") as handle:
        return handle.read()


def save_image(name: str, content: bytes, title: str = "Portrait") -> PodiumImage:
    """The path a management command or the demo loader takes: no form at all."""
    image = PodiumImage(title=title, file=ContentFile(content, name=name))
    image.save()
    return image


@pytest.mark.parametrize("name", h.GPS_PHOTOS)
def test_gps_photo_loses_all_metadata_in_original_and_every_rendition(name):
    source = h.read_fixture(name)
    assert h.exif_of(source)["gps"] != {}

    image = save_image(name, source)

    h.assert_no_metadata(stored_bytes(image), extra_strings=(b"NIKON", b"Nokia"))
    for spec in h.RENDITION_FILTERS:
        h.assert_no_metadata(rendition_bytes(image, spec), extra_strings=(b"NIKON",))


def test_heic_is_converted_to_jpeg():
    image = save_image("IMG_0001.heic", h.read_fixture("iphone_gps.heic"))

    assert image.file.name.endswith(".jpg")
    with Image.open(io.BytesIO(stored_bytes(image))) as stored:
        assert stored.format == "JPEG"
        assert (stored.width, stored.height) == (image.width, image.height)


def test_jpeg_with_exif_xmp_comment_and_serial_is_cleaned():
    image = save_image("camera.jpg", h.jpeg_with_everything())

    h.assert_no_metadata(
        stored_bytes(image), extra_strings=(b"SecretCam", b"SERIAL-123456", b"Jane Doe")
    )
    thumbnail_free = rendition_bytes(image, "fill-100x100")
    h.assert_no_metadata(thumbnail_free, extra_strings=(b"SecretCam", b"Jane Doe"))


def test_png_text_chunks_and_exif_are_removed_and_transparency_kept():
    image = save_image("drawing.png", h.png_with_text_and_exif())

    content = stored_bytes(image)
    h.assert_no_metadata(content, extra_strings=(b"Jane Doe", b"Secret Street", b"SecretCam"))
    with Image.open(io.BytesIO(content)) as stored:
        assert stored.format == "PNG"
        assert stored.mode == "RGBA"


def test_webp_exif_and_xmp_are_removed():
    image = save_image("photo.webp", h.webp_with_exif())

    content = stored_bytes(image)
    h.assert_no_metadata(content, extra_strings=(b"SecretCam",))
    with Image.open(io.BytesIO(content)) as stored:
        assert stored.format == "WEBP"


def test_animated_gif_stays_animated_without_its_comment():
    image = save_image("wave.gif", h.animated_gif_with_comment())

    content = stored_bytes(image)
    assert b"Jane Doe" not in content
    with Image.open(io.BytesIO(content)) as stored:
        assert stored.format == "GIF"
        assert stored.n_frames == 3
        assert "comment" not in stored.info


@pytest.mark.parametrize(("name", "orientation"), [("portrait_6.jpg", 6), ("landscape_8.jpg", 8)])
def test_rotated_photo_is_stored_upright(name, orientation):
    source = h.read_fixture(name)
    with Image.open(io.BytesIO(source)) as original:
        assert original.getexif()[0x0112] == orientation
        expected = ImageOps.exif_transpose(original).convert("RGB")

    image = save_image(name, source)

    with Image.open(io.BytesIO(stored_bytes(image))) as stored:
        assert 0x0112 not in stored.getexif()
        assert stored.size == expected.size
        assert (image.width, image.height) == expected.size
        # Re-encoding changes pixels a little, never the picture's orientation.
        difference = ImageChops.difference(stored.convert("RGB"), expected).getbbox()
        small = ImageChops.difference(
            stored.convert("L").resize((32, 32)), expected.convert("L").resize((32, 32))
        )
        assert difference is None or small.getextrema()[1] < 40


def test_image_create_stores_a_clean_image_in_the_given_collection(consultant):
    collection = consultant.workspace.collection

    image = image_create(
        source=ContentFile(h.read_fixture("DSCN0010.jpg"), name="DSCN0010.jpg"),
        title="DSCN0010",
        collection=collection,
        uploaded_by=consultant,
    )

    assert image.collection == collection
    assert image.uploaded_by_user == consultant
    assert image.title == "Untitled image"
    h.assert_no_metadata(stored_bytes(image))


def test_stored_name_is_random_and_title_never_comes_from_the_file_name():
    image = save_image("Jane Doe home.jpg", h.jpeg_with_everything(), title="Jane Doe home")

    assert image.title == "Untitled image"
    assert "jane" not in image.file.name.lower()
    assert "home" not in image.file.name.lower()
    assert image.default_alt_text == "Untitled image"
    rendition = image.get_rendition("width-100")
    assert "jane" not in rendition.url.lower()
    assert "home" not in rendition.url.lower()


def test_a_real_title_is_kept():
    image = save_image("IMG_2041.jpg", h.jpeg_with_everything(), title="Speaking at a workshop")

    assert image.title == "Speaking at a workshop"


@pytest.mark.parametrize(
    ("title", "filename", "derived"),
    [
        ("IMG_2041", "IMG_2041.jpg", True),
        ("img 2041", "IMG_2041.JPG", True),
        ("Jane Doe home.jpg", "Jane Doe home.jpg", True),
        ("Jane-Doe_home", "Jane Doe home.jpeg", True),
        ("Workshop in spring", "IMG_2041.jpg", False),
        ("Anything", "", False),
    ],
)
def test_title_is_from_filename(title, filename, derived):
    assert title_is_from_filename(title, filename) is derived


def test_file_size_and_hash_describe_the_scrubbed_file():
    image = save_image("camera.jpg", h.jpeg_with_everything())

    content = stored_bytes(image)
    assert image.file_size == len(content)
    assert image.file_hash == hashlib.sha1(content, usedforsecurity=False).hexdigest()


@pytest.mark.parametrize("name", ["corrupted.jpg", "invalid_image00971.jpg"])
def test_damaged_photo_is_either_cleaned_or_refused_clearly(name):
    source = ContentFile(h.read_fixture(name), name=name)
    rejected, image = None, None
    try:
        image = image_create(source=source, title="Photo")
    except ImageRejected as error:
        rejected = error

    if rejected:
        assert "could not be read" in str(rejected) or "not an image" in str(rejected)
        assert not PodiumImage.objects.exists()
    else:
        h.assert_no_metadata(stored_bytes(image))


def test_decompression_bomb_is_refused_before_decoding():
    bomb = h.decompression_bomb_png()
    assert len(bomb) < 100_000

    with pytest.raises(ImageRejected, match="too large"):
        scrub_image(io.BytesIO(bomb))
    with pytest.raises(ImageRejected, match="too large"):
        image_create(source=ContentFile(bomb, name="bomb.png"), title="Bomb")
    assert not PodiumImage.objects.exists()


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not an image at all",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n",
        b"\xff\xd8\xff\xe0" + b"\x00" * 64,
    ],
)
def test_non_images_are_refused_and_nothing_is_stored(content):
    with pytest.raises(ImageRejected, match=r"could not be read|not an image"):
        image_create(source=ContentFile(content, name="upload.jpg"), title="Upload")
    assert not PodiumImage.objects.exists()

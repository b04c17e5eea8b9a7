"""Helpers for the image tests: build files with metadata, and inspect stored bytes."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.conftest import fixture_path

GPS_PHOTOS = ["DSCN0010.jpg", "DSCN0021.jpg", "nokia_8_3_gps_large.jpg", "iphone_gps.heic"]
RENDITION_FILTERS = [
    "original",
    "fill-100x100",
    "width-800",
    "width-400|format-png",
    "width-400|format-webp",
    "format-jpeg",
]
# Byte patterns that mark metadata blocks in JPEG, PNG and WebP files.
METADATA_MARKERS = [
    b"Exif\x00\x00",
    b"xmpmeta",
    b"http://ns.adobe.com/xap",
    b"eXIf",
    b"tEXt",
    b"iTXt",
]


def read_fixture(name: str) -> bytes:
    with open(fixture_path("images", name), "rb") as handle:
        return handle.read()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def exif_of(content: bytes) -> dict:
    with Image.open(io.BytesIO(content)) as image:
        exif = image.getexif()
        return {"base": dict(exif), "gps": dict(exif.get_ifd(0x8825))}


def assert_no_metadata(content: bytes, *, extra_strings: tuple[bytes, ...] = ()):
    assert exif_of(content) == {"base": {}, "gps": {}}
    for marker in METADATA_MARKERS + list(extra_strings):
        assert marker not in content, marker
    with Image.open(io.BytesIO(content)) as image:
        assert "exif" not in image.info
        assert "xmp" not in image.info
        assert "comment" not in image.info


def jpeg_with_everything(size=(320, 200)) -> bytes:
    """A JPEG with EXIF (GPS, camera, serial), an XMP packet and a COM comment."""
    image = Image.new("RGB", size, (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"  # Make
    exif[0x0110] = "Model X9"  # Model
    exif[0xA431] = "SERIAL-123456"  # BodySerialNumber
    exif[0x0112] = 1
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (51.0, 30.0, 12.5)
    gps[3] = "W"
    gps[4] = (0.0, 7.0, 39.0)
    xmp = (
        b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/'
        b'02/22-rdf-syntax-ns#"><rdf:Description>HomeAddress</rdf:Description></rdf:RDF>'
        b"</x:xmpmeta>"
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, xmp=xmp, comment=b"Jane Doe at home")
    return buffer.getvalue()


def png_with_text_and_exif() -> bytes:
    from PIL import PngImagePlugin

    image = Image.new("RGBA", (64, 64), (10, 20, 30, 128))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Doe")
    info.add_itxt("Location", "Secret Street 5")
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=exif)
    return buffer.getvalue()


def webp_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif.get_ifd(0x8825)[2] = (1.0, 2.0, 3.0)
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (1, 2, 3)).save(buffer, "WEBP", exif=exif, xmp=b"<x:xmpmeta/>")
    return buffer.getvalue()


def animated_gif_with_comment() -> bytes:
    frames = [Image.new("RGB", (40, 40), color) for color in ("red", "green", "blue")]
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=120,
        loop=0,
        comment=b"Jane Doe home address",
    )
    return buffer.getvalue()


def decompression_bomb_png() -> bytes:
    """Tiny on disk, 100 megapixels when decoded."""
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()

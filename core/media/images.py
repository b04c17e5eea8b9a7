"""Scrubbing of uploaded images: the one place where an upload becomes a storable original.

Orientation is applied to the pixels, then the picture is re-encoded without any
metadata (EXIF and its GPS block and thumbnail, XMP, IPTC, comments, PNG text chunks).
A colour profile is applied to the pixels (they become sRGB) and then dropped too: a
profile names the maker of the device and its description is free text. HEIC/HEIF/AVIF
become JPEG (or PNG when the picture has transparency).

The size limits (bytes and pixels, from settings) are checked here, so every path that
stores a picture (Wagtail's forms, logos, attachments, commands) has the same ones.

Wagtail keeps originals byte for byte and copies their EXIF
into renditions, so an unscrubbed original would leak its location through every
rendition: nothing unscrubbed may be saved.
"""

import io
import re
import uuid
import warnings
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

# Input format -> stored format. Anything else is refused.
STORED_FORMAT = {
    "JPEG": "JPEG",
    "MPO": "JPEG",  # multi-picture JPEG from some phones: the first picture is kept
    "PNG": "PNG",
    "GIF": "GIF",
    "WEBP": "WEBP",
    "HEIF": "JPEG",
    "AVIF": "JPEG",
}
EXTENSION = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
ANIMATED_FORMATS = {"GIF", "WEBP", "PNG"}
JPEG_QUALITY = 88

DAMAGED = _("This image could not be read; it may be damaged. Please try another copy.")
TOO_LARGE = _(
    "This image is too large: it has %(pixels)s million pixels and the limit is "
    "%(limit)s million. Please resize it and try again."
)
TOO_MANY_BYTES = _("This file is too big (%(size)s). The most is %(limit)s.")
NOT_AN_IMAGE = _(
    "This file is not an image Podium can use. Please upload a JPEG, PNG, WebP, GIF or HEIC photo."
)


class ImageRejected(ValueError):
    """The upload cannot be made into a safe image; the message is for the uploader."""


class ScrubbedFile(ContentFile):
    """A file whose bytes came out of scrub_image(); it is safe to store as an original."""


@dataclass(frozen=True)
class ScrubResult:
    content: bytes
    extension: str
    width: int
    height: int


def scrub_image(source) -> ScrubResult:
    """Decode ``source`` (a file object) fully and re-encode it without metadata."""
    check_upload_size(source)
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            if hasattr(source, "seek"):
                source.seek(0)
            with Image.open(source) as image:
                fmt = STORED_FORMAT.get(image.format or "")
                if fmt is None:
                    raise ImageRejected(NOT_AN_IMAGE)
                frames = getattr(image, "n_frames", 1)
                pixels = image.width * image.height * frames
                if pixels > limit:
                    raise ImageRejected(
                        TOO_LARGE % {"pixels": round(pixels / 1e6), "limit": round(limit / 1e6)}
                    )
                if frames > 1 and image.format in ANIMATED_FORMATS:
                    return _encode_animation(image, fmt)
                return _encode_still(image, fmt)
    except ImageRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected(TOO_LARGE % {"pixels": "?", "limit": round(limit / 1e6)}) from exc
    except UnidentifiedImageError as exc:
        raise ImageRejected(NOT_AN_IMAGE) from exc
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, TypeError) as exc:
        # Pillow reports truncated and corrupt data with these.
        raise ImageRejected(DAMAGED) from exc


def check_upload_size(source) -> None:
    """ImageRejected when the file is over the byte limit that every image upload shares."""
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    size = getattr(source, "size", None)
    if size is None and hasattr(source, "seek"):
        size = source.seek(0, io.SEEK_END)
        source.seek(0)
    if limit is not None and size is not None and size > limit:
        raise ImageRejected(
            TOO_MANY_BYTES % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )


SRGB = ImageCms.createProfile("sRGB")


def _in_srgb(image: Image.Image, icc: bytes | None) -> Image.Image:
    """The pixels converted from their colour profile to sRGB, so the profile can go."""
    if not icc:
        return image
    if image.mode not in ("RGB", "RGBA", "L", "CMYK"):
        image = image.convert("RGBA" if "A" in image.mode or image.mode == "P" else "RGB")
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        out_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(image, profile, SRGB, outputMode=out_mode)
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image  # a profile that does not fit: the pixels as they are, without it


def _encode_still(image: Image.Image, fmt: str) -> ScrubResult:
    icc = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    source_format = image.format
    # In place: one decoded copy of the pixels instead of three (bench/image_scrub.py).
    ImageOps.exif_transpose(image, in_place=True)  # loads the pixels: damage surfaces here
    clean = _in_srgb(image, icc)
    clean.info = {}
    has_alpha = clean.mode in ("RGBA", "LA", "PA") or (
        clean.mode == "P" and transparency is not None
    )
    if fmt == "JPEG" and has_alpha and source_format in ("HEIF", "AVIF"):
        fmt = "PNG"
    if fmt == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
        clean = clean.convert("RGB")
    options = {}
    if fmt == "JPEG":
        options.update(quality=JPEG_QUALITY, optimize=True)
    elif fmt == "WEBP":
        options.update(quality=JPEG_QUALITY)
    elif fmt == "GIF" and transparency is not None:
        options["transparency"] = transparency
    buffer = io.BytesIO()
    clean.save(buffer, format=fmt, **options)
    return ScrubResult(buffer.getvalue(), EXTENSION[fmt], clean.width, clean.height)


def _encode_animation(image: Image.Image, fmt: str) -> ScrubResult:
    frames, durations = [], []
    for index in range(image.n_frames):
        image.seek(index)
        frame = image.copy()
        frame.info = {}
        frames.append(frame.convert("RGBA"))
        durations.append(image.info.get("duration", 100))
    buffer = io.BytesIO()
    frames[0].save(
        buffer,
        format=fmt,
        save_all=True,
        append_images=frames[1:],
        duration=durations,
        loop=image.info.get("loop", 0),
        disposal=2,
    )
    return ScrubResult(buffer.getvalue(), EXTENSION[fmt], frames[0].width, frames[0].height)


def scrubbed_file(source) -> ScrubbedFile:
    """The scrubbed bytes of ``source`` as a file with a random name."""
    result = scrub_image(source)
    return ScrubbedFile(result.content, name=f"{uuid.uuid4().hex}.{result.extension}")


def title_is_from_filename(title: str, filename: str) -> bool:
    """True when a title was made from the uploaded file's name (as Wagtail's uploader does)."""

    def words(text: str) -> str:
        return " ".join(re.split(r"[\W_]+", text.lower())).strip()

    stem = PurePath(filename or "").stem
    return bool(stem) and words(title) in {words(stem), words(PurePath(filename).name)}

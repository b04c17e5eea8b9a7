"""Opens every stream of a stored or served file and lists what could identify its maker.

Three independent readers look at each file, so that one reader's blind spot is not the
checker's: exiftool (every tag it knows, embedded documents included), ffprobe (every
stream, every container and stream tag, chapters, the first frames' side data) and a
structural walk of our own (JPEG segments, PNG chunks, WebP chunks, GIF extensions,
H.264/HEVC SEI units, every PDF object). Video frames stored as pictures (MJPEG, PNG)
and pictures inside PDFs are taken out and checked again as pictures.

    problems = media_checker.findings(path)    # [] when the file is clean
    media_checker.assert_clean(path)
    media_checker.assert_tree_clean(settings.MEDIA_ROOT)

exiftool and ffprobe are required: without them the check fails in CI
(PODIUM_REQUIRE_SERVICES=1) and is skipped elsewhere.
"""

import io
import json
import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import av
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject, StreamObject

from tests.conftest import service_missing

# exiftool groups that only ever hold metadata: any tag in them is a finding.
FLAGGED_GROUP = re.compile(
    r"^(GPS|XMP.*|IPTC|Photoshop|MakerNotes|IFD\d+|ExifIFD|SubIFD\d*|InteropIFD|GlobParamIFD"
    r"|ICC.*|JFXX|FlashPix|MPF\d*|MPImage\d*|Keys|ItemList|UserData|AFCP|PrintIM|CIFF|Ducky"
    r"|APP\d+|MIE.*|Nikon.*|Canon.*|Apple|Sony.*|Olympus.*|Panasonic.*|Samsung.*|FujiFilm"
    r"|Pentax|Ricoh|Kodak|Casio|Minolta|Leica|Sigma|HTC|Google|Huawei|Motorola|DJI|GoPro"
    r"|Qualcomm|Microsoft|Comment|C2PA|JUMBF|CBOR|PDF-\w+)$"
)
# Tag names that identify a place, a device, a person or a moment, in any group.
FLAGGED_TAG = re.compile(
    r"GPS|Location|ISO6709|^Make$|Model|Serial|Software|Producer|Creator|Encoder|Writer"
    r"|Artist|Author|Copyright|Comment|Thumbnail|Preview(Image|PICT)|MakerNote|Owner|HostComputer|Lens"
    r"|Chapter|CompressorName|Keywords|Rights",
    re.IGNORECASE,
)
DATE_TAG = re.compile(r"(Create|Modify|Original|Digitized|Creation).*(Date|Time)", re.IGNORECASE)
# An app name that is Podium's own, or nothing.
NEUTRAL_VALUES = {"", "Podium", "VideoHandler", "SoundHandler"}
ZERO_DATE = re.compile(r"^[0:\s.TZ+-]*$")
# exiftool tags that describe the file itself, never its maker.
EXIFTOOL_HOUSEKEEPING = {"SourceFile", "ExifTool:ExifToolVersion", "ExifTool:Warning"}

# Structure that is needed to show a picture; any other block is a finding.
JPEG_SEGMENTS_ALLOWED = {0xC0, 0xC1, 0xC2, 0xC4, 0xDB, 0xDD, 0xE0, 0xEE}
PNG_CHUNKS_ALLOWED = {
    b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"bKGD",
    b"pHYs", b"sBIT", b"acTL", b"fcTL", b"fdAT",
}  # fmt: skip
WEBP_CHUNKS_ALLOWED = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF"}
GIF_APPLICATIONS_ALLOWED = {b"NETSCAPE2.0", b"ANIMEXTS1.0"}

# Container and stream tags a muxer writes on its own and that say nothing.
FORMAT_TAGS_ALLOWED = {"major_brand", "minor_version", "compatible_brands"}
# The Matroska muxer names itself, without a version, even in bit-exact mode.
FORMAT_TAG_VALUES_ALLOWED = {"encoder": {"Lavf"}}
STREAM_TAGS_ALLOWED = {"language", "handler_name", "vendor_id"}
STREAM_TAG_VALUES_ALLOWED = {"und", "eng", "VideoHandler", "SoundHandler", "[0][0][0][0]"}
PICTURE_CODECS = {"mjpeg", "png", "gif", "bmp", "webp", "tiff", "jpeg2000"}
# NAL unit types that carry SEI: H.264 6; HEVC 39 (prefix) and 40 (suffix).
SEI_TYPES = {"h264": {6}, "hevc": {39, 40}}

# Parts of a PDF that run code, carry files or carry metadata.
PDF_FLAGGED_KEYS = {
    "/JS", "/JavaScript", "/AA", "/OpenAction", "/AcroForm", "/EmbeddedFiles", "/EmbeddedFile",
    "/Metadata", "/PieceInfo", "/Thumb", "/XFA", "/RichMediaContent",
}  # fmt: skip
PDF_FLAGGED_ACTIONS = {
    "/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/GoToR", "/GoToE", "/Rendition",
}  # fmt: skip
PDF_FLAGGED_ANNOTATIONS = {
    "/FileAttachment", "/Widget", "/Screen", "/Movie", "/Sound", "/RichMedia", "/3D",
}  # fmt: skip
PDF_INFO_ALLOWED = {"/Producer": {"Podium"}, "/Creator": {"Podium"}}
# Text that marks metadata in any decoded byte stream.
METADATA_MARKERS = [b"Exif\x00\x00", b"<x:xmpmeta", b"http://ns.adobe.com/xap", b"Photoshop 3.0"]


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        service_missing(f"{tool} is needed to inspect media (Debian: exiftool, ffmpeg)")
    return path


def findings(path, label: str = "") -> list[str]:
    """Every identifying thing found in the file at `path`, as readable lines."""
    return findings_in_files({Path(path): label or Path(path).name})


def findings_in_files(labels: dict) -> list[str]:
    """findings() for many files at once ({path: label}): one exiftool run for all."""
    paths = [Path(p) for p in labels]
    tags = _exiftool(paths)
    found = []
    for path in paths:
        label = labels[path] or path.name
        data = path.read_bytes()
        lines = tags.get(path.resolve(), []) + _structure(data)
        if _is_media_container(data):
            lines += _streams(path)
        if data.startswith(b"%PDF-"):
            lines += _pdf(data)
        found += [f"{label}: {line}" for line in lines]
    return found


def findings_in_bytes(data: bytes, suffix: str, label: str) -> list[str]:
    with tempfile.TemporaryDirectory(prefix="media-check-") as folder:
        path = Path(folder, f"file{suffix}")
        path.write_bytes(data)
        return findings(path, label)


def assert_clean(path, label: str = ""):
    problems = findings(path, label)
    assert not problems, "identifying metadata survived:\n" + "\n".join(problems)


def assert_tree_clean(root) -> int:
    """Check every file under `root`; returns how many were checked."""
    files = sorted(p for p in Path(root).rglob("*") if p.is_file())
    assert_files_clean(files, root)
    return len(files)


def assert_files_clean(paths, root=None):
    labels = {Path(p): str(Path(p).relative_to(root)) if root else "" for p in paths}
    problems = findings_in_files(labels) if labels else []
    assert not problems, "identifying metadata survived:\n" + "\n".join(problems)


# exiftool ------------------------------------------------------------------------------


def _exiftool(paths: list[Path]) -> dict[Path, list[str]]:
    if not paths:
        return {}
    tool = require("exiftool")
    result = subprocess.run(
        [tool, "-a", "-G1", "-ee", "-j", "-api", "largefilesupport=1"] + [str(p) for p in paths],
        capture_output=True,
        check=False,
    )
    try:
        documents = json.loads(result.stdout or b"[]")
    except json.JSONDecodeError:
        problem = f"exiftool could not read the file: {result.stderr[:200]!r}"
        return {p.resolve(): [problem] for p in paths}
    found: dict[Path, list[str]] = {p.resolve(): [] for p in paths}
    for document in documents:
        lines = found.setdefault(Path(document.get("SourceFile", "")).resolve(), [])
        for key, value in document.items():
            if key in EXIFTOOL_HOUSEKEEPING or ":" not in key:
                continue
            group, tag = key.split(":", 1)
            if group in ("System", "ExifTool"):
                continue
            if _tag_is_identifying(group, tag, value):
                lines.append(f"exiftool {key} = {str(value)[:80]!r}")
    return found


def _tag_is_identifying(group: str, tag: str, value) -> bool:
    if FLAGGED_GROUP.match(group):
        return True
    text = str(value).strip()
    if DATE_TAG.search(tag):
        return not ZERO_DATE.match(text)
    if FLAGGED_TAG.search(tag):
        return text not in NEUTRAL_VALUES
    return False


# Structure of pictures -----------------------------------------------------------------


def _structure(data: bytes) -> list[str]:
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return _png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _gif(data)
    return []


def _jpeg(data: bytes) -> list[str]:
    found, pos = [], 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xD9 or marker == 0xDA:  # end, or the picture data begins
            break
        if 0xD0 <= marker <= 0xD7 or marker == 0x01 or marker == 0xFF:
            pos += 1 if marker == 0xFF else 2
            continue
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        segment = data[pos + 4 : pos + 2 + length]
        if marker not in JPEG_SEGMENTS_ALLOWED and not 0xC0 <= marker <= 0xCF:
            found.append(f"JPEG segment 0x{marker:02X} ({segment[:12]!r}...)")
        elif marker == 0xE0 and not segment.startswith(b"JFIF\x00"):
            found.append(f"JPEG APP0 that is not JFIF ({segment[:12]!r})")
        pos += 2 + length
    return found


def _png(data: bytes) -> list[str]:
    found, pos = [], 8
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        if kind not in PNG_CHUNKS_ALLOWED:
            found.append(f"PNG chunk {kind!r}")
        pos += 12 + length
    return found


def _webp(data: bytes) -> list[str]:
    found, pos = [], 12
    while pos + 8 <= len(data):
        kind, length = data[pos : pos + 4], struct.unpack("<I", data[pos + 4 : pos + 8])[0]
        if kind not in WEBP_CHUNKS_ALLOWED:
            found.append(f"WebP chunk {kind!r}")
        elif kind == b"VP8X" and data[pos + 8] & 0b00101100:  # ICC, EXIF or XMP flags
            found.append("WebP VP8X announces ICC, EXIF or XMP")
        pos += 8 + length + (length & 1)
    return found


def _gif(data: bytes) -> list[str]:
    """Walks the GIF blocks: comments and unknown application extensions are findings."""
    found = []
    flags = data[10]
    pos = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
    while pos < len(data):
        block = data[pos]
        if block == 0x3B:  # trailer
            break
        if block == 0x21:
            label = data[pos + 1]
            pos += 2
            first = True
            while pos < len(data) and data[pos]:
                size = data[pos]
                chunk = data[pos + 1 : pos + 1 + size]
                if first and label == 0xFF and chunk not in GIF_APPLICATIONS_ALLOWED:
                    found.append(f"GIF application extension {chunk!r}")
                first = False
                pos += 1 + size
            if label == 0xFE:
                found.append("GIF comment")
            pos += 1
        elif block == 0x2C:
            packed = data[pos + 9]
            pos += 10 + (3 * 2 ** ((packed & 7) + 1) if packed & 0x80 else 0)
            pos += 1  # LZW minimum code size
            while pos < len(data) and data[pos]:
                pos += 1 + data[pos]
            pos += 1
        else:
            found.append(f"GIF block 0x{block:02X} that is not in the format")
            break
    return found


# Streams of audio and video ------------------------------------------------------------


def _is_media_container(data: bytes) -> bool:
    return data[4:8] in (b"ftyp", b"moov", b"mdat", b"wide", b"free") or data.startswith(
        b"\x1a\x45\xdf\xa3"
    )


def _streams(path: Path) -> list[str]:
    tool = require("ffprobe")
    command = [tool, "-v", "error", "-show_streams", "-show_format", "-show_chapters"]
    result = subprocess.run([*command, "-of", "json", str(path)], capture_output=True, check=False)
    if result.returncode:
        return [f"ffprobe could not read the file: {result.stderr[:200]!r}"]
    probe = json.loads(result.stdout)
    found = [f"chapter {c.get('tags', {})}" for c in probe.get("chapters", [])]
    for key, value in probe.get("format", {}).get("tags", {}).items():
        if key not in FORMAT_TAGS_ALLOWED and value not in FORMAT_TAG_VALUES_ALLOWED.get(key, ()):
            found.append(f"container tag {key}={value!r}")
    kinds = [s.get("codec_type") for s in probe.get("streams", [])]
    for kind in ("video", "audio"):
        if kinds.count(kind) > 1:
            found.append(f"{kinds.count(kind)} {kind} streams (playback needs one)")
    for stream in probe.get("streams", []):
        found += _stream_findings(path, stream)
    found += _sei_units(path)
    found += _frame_side_data(tool, path)
    return found


def _stream_findings(path: Path, stream: dict) -> list[str]:
    index, kind, codec = stream["index"], stream.get("codec_type"), stream.get("codec_name")
    found = []
    if kind not in ("video", "audio"):
        found.append(f"stream {index} is {kind} ({codec})")
    if stream.get("disposition", {}).get("attached_pic"):
        found.append(f"stream {index} is an attached picture")
    for key, value in stream.get("tags", {}).items():
        if key == "DURATION":  # Matroska's own per-stream length
            continue
        if key not in STREAM_TAGS_ALLOWED or value not in STREAM_TAG_VALUES_ALLOWED:
            found.append(f"stream {index} tag {key}={value!r}")
    if kind == "video" and codec in PICTURE_CODECS:
        found += _picture_frames(path, index, codec)
    return found


def _picture_frames(path: Path, index: int, codec: str) -> list[str]:
    """A video track made of pictures: each picture can carry its own EXIF and XMP."""
    suffix = {"mjpeg": "jpg", "jpeg2000": "jp2"}.get(codec, codec)
    found = []
    with tempfile.TemporaryDirectory(prefix="media-frames-") as folder:
        pattern = str(Path(folder, f"frame%03d.{suffix}"))
        subprocess.run(
            [
                require("ffmpeg"),
                "-v",
                "error",
                "-i",
                str(path),
                "-map",
                f"0:{index}",
                "-c",
                "copy",
                "-frames:v",
                "3",
                "-f",
                "image2",
                pattern,
            ],
            capture_output=True,
            check=False,
        )
        for frame in sorted(Path(folder).iterdir()):
            found += findings(frame, f"stream {index} {frame.name}")
    return found


def _sei_units(path: Path) -> list[str]:
    """SEI units in H.264/HEVC carry free text: encoder settings, camera serials, GPS."""
    found = []
    try:
        with av.open(str(path)) as reader:
            for stream in reader.streams.video:
                name = stream.codec_context.name
                if name not in SEI_TYPES:
                    continue
                units = _nal_types(bytes(stream.codec_context.extradata or b""), name)
                for count, packet in enumerate(reader.demux(stream)):
                    if count >= 30:
                        break
                    units += _nal_types(bytes(packet), name)
                for unit in sorted(set(units) & SEI_TYPES[name]):
                    found.append(f"stream {stream.index} has SEI units (NAL type {unit})")
    except av.FFmpegError as error:
        found.append(f"could not demux: {error}")
    return found


def _nal_types(data: bytes, codec: str) -> list[int]:
    """NAL unit types in `data`, whether length-prefixed (MP4), avcC/hvcC or Annex B."""
    types = []
    if codec == "hevc" and len(data) > 23 and data[0] == 1:  # hvcC record
        pos, arrays = 23, data[22]
        for _ in range(arrays):
            types.append(data[pos] & 0x3F)
            count = struct.unpack(">H", data[pos + 1 : pos + 3])[0]
            pos += 3
            for _ in range(count):
                pos += 2 + struct.unpack(">H", data[pos : pos + 2])[0]
        return types
    if codec == "h264" and data[:1] == b"\x01":  # avcC record: SPS and PPS only
        return types
    if b"\x00\x00\x01" in data[:4]:
        for part in re.split(b"\x00\x00\x01", data)[1:]:
            if part:
                types.append(_nal_type(part[0], codec))
        return types
    pos = 0
    while pos + 4 < len(data):
        size = struct.unpack(">I", data[pos : pos + 4])[0]
        if size == 0 or pos + 4 + size > len(data):
            break
        types.append(_nal_type(data[pos + 4], codec))
        pos += 4 + size
    return types


def _nal_type(header: int, codec: str) -> int:
    return header & 0x1F if codec == "h264" else (header >> 1) & 0x3F


def _frame_side_data(tool: str, path: Path) -> list[str]:
    result = subprocess.run(
        [
            tool,
            "-v",
            "error",
            "-select_streams",
            "v",
            "-read_intervals",
            "%+#5",
            "-show_frames",
            "-of",
            "json",
            str(path),
        ],
        capture_output=True,
        check=False,
    )
    try:
        frames = json.loads(result.stdout or b"{}").get("frames", [])
    except json.JSONDecodeError:
        return []
    found = set()
    for frame in frames:
        for side in frame.get("side_data_list", []):
            kind = side.get("side_data_type", "")
            if "SEI" in kind or "User Data" in kind:
                found.add(f"frame side data {kind!r}")
    return sorted(found)


# PDF -----------------------------------------------------------------------------------


def _pdf(data: bytes) -> list[str]:
    try:
        reader = PdfReader(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 (any failure to read is itself a finding)
        return [f"pypdf could not read the file: {error}"]
    found = []
    info = reader.trailer.get("/Info")
    info = info.get_object() if info is not None else {}
    for key, value in info.items():
        if key != "/Title" and str(value) not in PDF_INFO_ALLOWED.get(key, set()):
            found.append(f"document information {key}={str(value)[:60]!r}")
    seen: set[int] = set()
    _walk_pdf(reader.trailer["/Root"], "Root", seen, found)
    for number, page in enumerate(reader.pages, 1):
        found += _content_images(page.get_contents(), reader, f"page {number}")
    return found


def _walk_pdf(node, where: str, seen: set[int], found: list[str]):
    if isinstance(node, IndirectObject):
        if node.idnum in seen:
            return
        seen.add(node.idnum)
        where = f"{where}({node.idnum})"
        node = node.get_object()
    if isinstance(node, DictionaryObject):
        _check_pdf_dict(node, where, found)
        for key, value in node.items():
            if key not in ("/Parent", "/P"):
                _walk_pdf(value, f"{where}{key}", seen, found)
    elif isinstance(node, list):
        for position, value in enumerate(node):
            _walk_pdf(value, f"{where}[{position}]", seen, found)


def _check_pdf_dict(node: DictionaryObject, where: str, found: list[str]):
    for key in PDF_FLAGGED_KEYS & set(node.keys()):
        found.append(f"PDF {where} has {key}")
    if node.get("/S") in PDF_FLAGGED_ACTIONS:
        found.append(f"PDF {where} has a {node['/S']} action")
    if node.get("/Subtype") in PDF_FLAGGED_ANNOTATIONS:
        found.append(f"PDF {where} has a {node['/Subtype']} annotation")
    if isinstance(node, StreamObject):
        found += _pdf_stream(node, where)
        if node.get("/Subtype") == "/Form":
            found += _content_images(node, None, where)


def _pdf_stream(stream: StreamObject, where: str) -> list[str]:
    filters = stream.get("/Filter", [])
    filters = [filters] if isinstance(filters, str) else list(filters)
    try:
        data = stream.get_data()
    except Exception:  # noqa: BLE001 (a stream pypdf cannot decode is checked raw)
        data = stream._data
    found = [f"PDF {where} stream holds {m!r}" for m in METADATA_MARKERS if m in data]
    if stream.get("/Subtype") == "/Image" and ("/DCTDecode" in filters or "/JPXDecode" in filters):
        suffix = ".jpg" if "/DCTDecode" in filters else ".jp2"
        found += findings_in_bytes(data, suffix, f"PDF {where} image")
    return found


def _content_images(contents, reader, where: str) -> list[str]:
    """Inline images (BI ... ID ... EI) inside a content stream."""
    if contents is None:
        return []
    try:
        stream = ContentStream(contents, reader)
        operations = stream.operations
    except Exception:  # noqa: BLE001 (an unreadable content stream shows nothing)
        return []
    found = []
    for number, (operands, operator) in enumerate(operations):
        if operator != b"INLINE IMAGE":
            continue
        data = operands["data"]
        found += [f"PDF {where} inline image holds {m!r}" for m in METADATA_MARKERS if m in data]
        settings = operands["settings"]
        filters = settings.get("/F", settings.get("/Filter", []))
        filters = [filters] if isinstance(filters, str) else list(filters)
        if {"/DCT", "/DCTDecode"} & set(filters):
            found += findings_in_bytes(data, ".jpg", f"PDF {where} inline image {number}")
    return found


# Storage -------------------------------------------------------------------------------


def stored_files() -> set[Path]:
    """Every file in MEDIA_ROOT and the private media root."""
    from django.conf import settings

    roots = {settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT}
    return {p for root in roots for p in Path(root).rglob("*") if p.is_file()}


def assert_new_files_clean(before: set[Path]) -> int:
    """Check every file stored since `before` (stored_files()); returns how many."""
    new = sorted(stored_files() - before)
    assert_files_clean(new)
    return len(new)

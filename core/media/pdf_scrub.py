"""PDFs rebuilt with their pages' text and pictures and nothing that identifies or runs.

A PDF from a phone's "scan to PDF" holds the camera's JPEG byte for byte, EXIF GPS
included; an office PDF holds XMP with the author, software and history. Scripts, forms,
attached files and automatic actions can leak more once opened. So only the pages are
copied, each with an allow-list of keys; every picture stored as a JPEG or JPEG 2000
(as an XObject at any depth, or inline in a content stream) is decoded and encoded
again without metadata; colour profiles become the plain device colour space they stand
for; and whatever is left over is dropped by a sweep of every object that survived.

Annotations are not copied at all, links included: a link can carry a script or a
tracking address, and the text of the link stays readable on the page.
"""

import io

from PIL import Image
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DictionaryObject,
    IndirectObject,
    NameObject,
    NumberObject,
    StreamObject,
)

JPEG_QUALITY = 88
# What a page needs to be drawn. Annotations, page scripts (/AA), XMP, thumbnails and
# application data (/PieceInfo) are left behind.
PAGE_KEYS = {
    "/Type", "/Parent", "/Resources", "/MediaBox", "/CropBox", "/BleedBox", "/TrimBox",
    "/ArtBox", "/Contents", "/Rotate", "/Group", "/UserUnit",
}  # fmt: skip
IMAGE_KEYS = {
    "/Type", "/Subtype", "/Width", "/Height", "/ColorSpace", "/BitsPerComponent", "/Filter",
    "/DecodeParms", "/Decode", "/ImageMask", "/Mask", "/SMask", "/SMaskInData",
    "/Interpolate", "/Intent", "/Length",
}  # fmt: skip
FORM_KEYS = {
    "/Type", "/Subtype", "/BBox", "/Matrix", "/Resources", "/Group", "/FormType", "/Filter",
    "/DecodeParms", "/Length",
}  # fmt: skip
# Never wanted anywhere in the file.
DROPPED_KEYS = {
    "/Metadata", "/PieceInfo", "/AA", "/JS", "/JavaScript", "/OpenAction", "/AcroForm",
    "/EmbeddedFiles", "/EmbeddedFile", "/Thumb", "/URI", "/Launch", "/XFA",
}  # fmt: skip
PICTURE_FILTERS = {"/DCTDecode", "/DCT", "/JPXDecode"}
DEVICE_SPACE = {1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}
PIL_SPACE = {"L": "/DeviceGray", "RGB": "/DeviceRGB", "CMYK": "/DeviceCMYK"}
INLINE_SPACE = {"L": "/G", "RGB": "/RGB", "CMYK": "/CMYK"}


class PdfUnreadable(ValueError):
    """The file cannot be read as a PDF, or is encrypted."""


def rebuild_pdf(source, *, title: str = "") -> bytes:
    """The pages of the PDF in `source` (a file object), without anything identifying.

    `title` is for PDFs Podium writes itself; an uploaded file's own title is not kept.
    """
    try:
        reader = PdfReader(source)
        if reader.is_encrypted:
            raise PdfUnreadable("encrypted")
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page, excluded_keys=[k for k in page if k not in PAGE_KEYS])
        for page in writer.pages:
            _clean_content(page, writer)
        for obj in _live_objects(writer):
            _clean_object(obj, writer)
        _drop_unreachable(writer)
        # No document information but Podium's name; no XMP, outline, names or scripts:
        # the catalog is new and holds only the pages.
        writer.add_metadata({"/Producer": "Podium", **({"/Title": title} if title else {})})
        out = io.BytesIO()
        writer.write(out)
    except PdfUnreadable:
        raise
    except Exception as error:  # pypdf reports damage with many exception types
        raise PdfUnreadable(str(error)) from error
    return out.getvalue()


def _live_objects(writer: PdfWriter):
    return [obj for obj in writer._objects if obj is not None]


def _clean_object(obj, writer: PdfWriter) -> None:
    if isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Image":
        _keep_only(obj, IMAGE_KEYS)
        if _filters(obj) & PICTURE_FILTERS:
            _reencode_image(obj)
    elif isinstance(obj, StreamObject) and obj.get("/Subtype") == "/Form":
        _keep_only(obj, FORM_KEYS)
        _clean_content(obj, writer)
    elif isinstance(obj, StreamObject) and obj.get("/PatternType") == 1:
        _clean_content(obj, writer)
    elif isinstance(obj, DictionaryObject) and obj.get("/Subtype") == "/Type3":
        procs = obj.get("/CharProcs")
        for proc in (procs.get_object() if procs is not None else {}).values():
            _clean_content(proc.get_object(), writer)
    _sweep(obj)


def _sweep(node) -> None:
    """Drop unwanted keys and colour profiles from `node` and its direct children."""
    if isinstance(node, DictionaryObject):
        for key in DROPPED_KEYS & set(node.keys()):
            del node[key]
        if node.get("/S") in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData"):
            node[NameObject("/S")] = NameObject("/GoTo")  # a dead action, not a script
        items = list(node.items())
    elif isinstance(node, ArrayObject):
        items = list(enumerate(node))
    else:
        return
    for key, value in items:
        plain = _without_profile(value)
        if plain is not None:
            node[key] = plain
        elif not isinstance(value, IndirectObject):
            _sweep(value)


def _without_profile(value):
    """[/ICCBased stream] -> the device colour space with as many components."""
    resolved = value.get_object() if isinstance(value, IndirectObject) else value
    if isinstance(resolved, ArrayObject) and resolved and resolved[0] == "/ICCBased":
        components = int(resolved[1].get_object().get("/N", 3))
        return NameObject(DEVICE_SPACE.get(components, "/DeviceRGB"))
    return None


def _keep_only(obj: DictionaryObject, keys: set[str]) -> None:
    for key in [k for k in obj if k not in keys]:
        del obj[key]


def _filters(obj) -> set[str]:
    value = obj.get("/Filter", obj.get("/F", []))
    value = value.get_object() if isinstance(value, IndirectObject) else value
    return {str(value)} if isinstance(value, str) else {str(v) for v in value}


def _picture(data: bytes) -> tuple[bytes, str]:
    """A JPEG or JPEG 2000 picture encoded again as a JPEG without metadata."""
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        clean = image if image.mode in PIL_SPACE else image.convert("RGB")
        clean.info = {}
        buffer = io.BytesIO()
        clean.save(buffer, "JPEG", quality=JPEG_QUALITY)
        return buffer.getvalue(), clean.mode


def _reencode_image(stream: StreamObject) -> None:
    data, mode = _picture(stream.get_data())
    stream._data = data
    stream[NameObject("/Filter")] = NameObject("/DCTDecode")
    stream[NameObject("/ColorSpace")] = NameObject(PIL_SPACE[mode])
    stream[NameObject("/BitsPerComponent")] = NumberObject(8)
    for key in ("/DecodeParms", "/SMaskInData"):
        if key in stream:
            del stream[key]


def _clean_content(holder, writer: PdfWriter) -> None:
    """Encode again the JPEG pictures written inline (BI ... ID ... EI) in a content stream."""
    is_page = "/Contents" in holder or holder.get("/Type") == "/Page"
    contents = holder.get_contents() if is_page else holder
    if contents is None:
        return
    stream = ContentStream(contents, writer)
    changed = False
    for operands, operator in stream.operations:
        if operator != b"INLINE IMAGE":
            continue
        settings = operands["settings"]
        if _filters(settings) & PICTURE_FILTERS:
            operands["data"], mode = _picture(operands["data"])
            settings[NameObject("/F")] = NameObject("/DCT")
            settings[NameObject("/CS")] = NameObject(INLINE_SPACE[mode])
            settings[NameObject("/BPC")] = NumberObject(8)
            for key in ("/Filter", "/DecodeParms", "/DP", "/ColorSpace"):
                if key in settings:
                    del settings[key]
            changed = True
    if not changed:
        return
    if is_page:
        holder.replace_contents(stream)
    else:
        holder._data = stream.get_data()
        for key in ("/Filter", "/DecodeParms"):
            if key in holder:
                del holder[key]


def _drop_unreachable(writer: PdfWriter) -> None:
    """Objects nothing points to any more (removed annotations, XMP, scripts) go too."""
    reachable: set[int] = set()
    pending = [writer._root_object]
    if writer._info is not None:
        pending.append(writer._info)
    while pending:
        node = pending.pop()
        if isinstance(node, IndirectObject):
            if node.idnum in reachable:
                continue
            reachable.add(node.idnum)
            node = node.get_object()
        if isinstance(node, DictionaryObject):
            pending.extend(node.values())
        elif isinstance(node, ArrayObject):
            pending.extend(node)
    for root in (writer._root_object, writer._info):
        if root is not None and root.indirect_reference is not None:
            reachable.add(root.indirect_reference.idnum)
    for index, obj in enumerate(writer._objects):
        if obj is not None and index + 1 not in reachable:
            writer._objects[index] = None

"""Uploaded videos, remuxed without their metadata, which can say where and when they were shot.

A phone video carries the place and time it was shot, and the device, in its container
(MP4/MOV atoms and keys, Matroska tags, chapters), in extra streams (a second video
track of JPEG frames with their own EXIF, cover art, subtitles, data and attachments)
and inside the video bitstream itself (H.264/HEVC SEI and AV1 metadata units, where
encoders write their settings and some cameras their serial number or position).

So the published copy holds exactly one video stream (the best playable one) and at most
one audio stream, copied without re-encoding (fast, no quality lost); the units that
carry free text are cut out of the video bitstream on the way; and the new container is
written with no metadata, no chapters and bit-exact headers. Captions are never taken
from the upload: Podium serves its own WebVTT file beside the video.
"""

import re
import struct
from dataclasses import dataclass
from pathlib import Path

import av
from av.bitstream import BitStreamFilterContext
from django.utils.translation import gettext_lazy as _

# Upload extension -> the container written (MOV and M4V become MP4).
FORMATS = {
    "mp4": "mp4",
    "m4v": "mp4",
    "mov": "mp4",
    "webm": "webm",
}
# Codecs copied as they are, per container written. A picture codec (MJPEG, PNG) is
# never among them: each of its frames is a photo that can carry its own EXIF.
VIDEO_CODECS = {
    "mp4": {"h264", "hevc", "av1", "vp9"},
    "webm": {"vp8", "vp9", "av1"},
}
AUDIO_CODECS = {
    "mp4": {"aac", "mp3", "opus", "alac", "ac3", "eac3"},
    "webm": {"opus", "vorbis"},
}
# Bitstream units that carry free text: SEI (H.264 type 6; HEVC 39 and 40) and AV1
# metadata OBUs (type 5). Playback needs none of them.
TEXT_UNIT_FILTERS = {
    "h264": "filter_units=remove_types=6",
    "hevc": "filter_units=remove_types=39|40",
    "av1": "filter_units=remove_types=5",
}
NOT_A_VIDEO = _("This file could not be read as a video. Upload an MP4, MOV or WebM file.")
NO_PICTURE = _("This file has no video in it.")
UNSUPPORTED_CODEC = _(
    "This video is in a format Podium cannot publish safely. Export it as an MP4 "
    "(H.264 or HEVC) or a WebM (VP8 or VP9) file and upload it again."
)
# Written with bit-exact output: no encoder name or version, no creation time.
MUXER_OPTIONS = {
    "mp4": {"movflags": "+faststart", "fflags": "+bitexact"},
    "webm": {"fflags": "+bitexact"},
}


class VideoRejected(Exception):
    pass


@dataclass(frozen=True)
class CleanVideo:
    extension: str
    duration_seconds: float | None


def _best(streams, codecs: set[str]):
    """The stream a player would choose: the default one, then the largest picture."""
    candidates = [
        s
        for s in streams
        if s.codec_context.name in codecs and not s.disposition & av.stream.Disposition.attached_pic
    ]
    if not candidates:
        return None

    def rank(stream):
        is_default = bool(stream.disposition & av.stream.Disposition.default)
        size = getattr(stream.codec_context, "width", 0) * getattr(
            stream.codec_context, "height", 0
        )
        return (is_default, size, -stream.index)

    return max(candidates, key=rank)


def strip_video_metadata(source: Path, destination: Path, extension: str) -> CleanVideo:
    """Copy one video and one audio stream of `source` into `destination`, and nothing else."""
    out_format = FORMATS.get(extension.lower().lstrip("."))
    if out_format is None:
        raise VideoRejected(NOT_A_VIDEO)
    try:
        with av.open(str(source)) as reader:
            if not reader.streams.video:
                raise VideoRejected(NO_PICTURE)
            video = _best(reader.streams.video, VIDEO_CODECS[out_format])
            if video is None:
                raise VideoRejected(UNSUPPORTED_CODEC)
            audio = _best(reader.streams.audio, AUDIO_CODECS[out_format])
            kept = [s for s in (video, audio) if s is not None]
            _remux(reader, kept, destination, out_format)
            duration = reader.duration / av.time_base if reader.duration else None
    except VideoRejected:
        raise
    except (av.FFmpegError, OSError, ValueError, KeyError, IndexError, struct.error) as exc:
        raise VideoRejected(NOT_A_VIDEO) from exc
    return CleanVideo(extension=out_format, duration_seconds=duration)


def _remux(reader, kept, destination: Path, out_format: str) -> None:
    with av.open(
        str(destination), "w", format=out_format, options=MUXER_OPTIONS[out_format]
    ) as writer:
        outputs, filters = {}, {}
        for stream in kept:
            out_stream = writer.add_stream_from_template(stream)
            out_stream.metadata.clear()
            outputs[stream.index] = out_stream
            unit_filter = TEXT_UNIT_FILTERS.get(stream.codec_context.name)
            if unit_filter:
                filters[stream.index] = BitStreamFilterContext(unit_filter, stream, out_stream)
            if stream.codec_context.name == "hevc" and out_stream.codec_context.extradata:
                # The filter leaves the stream header alone, and HEVC keeps SEI there too
                # (H.264's header holds only its parameter sets).
                header = bytes(out_stream.codec_context.extradata)
                out_stream.codec_context.extradata = hevc_header_without_sei(header)
        for packet in reader.demux(kept):
            if packet.dts is None:
                continue  # the demuxer's end-of-stream marker
            index = packet.stream.index
            chain = filters[index].filter(packet) if index in filters else [packet]
            for out_packet in chain:
                out_packet.stream = outputs[index]
                writer.mux(out_packet)
        for index, unit_filter in filters.items():
            for out_packet in unit_filter.filter(None):
                out_packet.stream = outputs[index]
                writer.mux(out_packet)


HEVC_SEI = (39, 40)
ANNEX_B_START = re.compile(b"\x00\x00\x00\x01|\x00\x00\x01")


def hevc_header_without_sei(header: bytes) -> bytes:
    """HEVC extradata, as an hvcC record or as Annex B units, without its SEI units."""
    if len(header) >= 23 and header[0] == 1:
        return _hvcc_without_sei(header)
    units = [u for u in ANNEX_B_START.split(header) if u]
    return b"".join(b"\x00\x00\x00\x01" + u for u in units if (u[0] >> 1) & 0x3F not in HEVC_SEI)


def _hvcc_without_sei(record: bytes) -> bytes:
    kept, pos = [], 23
    for _array in range(record[22]):
        start, nal_type = pos, record[pos] & 0x3F
        count = struct.unpack(">H", record[pos + 1 : pos + 3])[0]
        pos += 3
        for _unit in range(count):
            pos += 2 + struct.unpack(">H", record[pos : pos + 2])[0]
        if nal_type not in HEVC_SEI:
            kept.append(record[start:pos])
    return record[:22] + bytes([len(kept)]) + b"".join(kept)

"""Uploaded videos, remuxed without their metadata (safety.md A6).

A phone video carries the place and time it was shot, and the device, in its container
(MP4/MOV atoms) and sometimes in extra data streams. Remuxing copies only the audio and
video streams into a new container and writes no metadata, so the published file says
nothing but its pictures and sound. No re-encoding: it is fast and loses no quality.
"""

from dataclasses import dataclass
from pathlib import Path

import av
from django.utils.translation import gettext_lazy as _

# Upload extension -> the container written (MOV and M4V become MP4).
FORMATS = {
    "mp4": "mp4",
    "m4v": "mp4",
    "mov": "mp4",
    "webm": "webm",
}
NOT_A_VIDEO = _("This file could not be read as a video. Upload an MP4, MOV or WebM file.")
NO_PICTURE = _("This file has no video in it.")
# Written with bit-exact output: no encoder name or version either.
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


def strip_video_metadata(source: Path, destination: Path, extension: str) -> CleanVideo:
    """Copy the audio and video of `source` into `destination`, and nothing else."""
    out_format = FORMATS.get(extension.lower().lstrip("."))
    if out_format is None:
        raise VideoRejected(NOT_A_VIDEO)
    try:
        with av.open(str(source)) as reader:
            streams = [s for s in reader.streams if s.type in ("video", "audio")]
            if not any(s.type == "video" for s in streams):
                raise VideoRejected(NO_PICTURE)
            with av.open(
                str(destination), "w", format=out_format, options=MUXER_OPTIONS[out_format]
            ) as writer:
                mapping = {s.index: writer.add_stream_from_template(s) for s in streams}
                for out_stream in mapping.values():
                    out_stream.metadata.clear()
                for packet in reader.demux(streams):
                    if packet.dts is None:
                        continue  # the demuxer's end-of-stream marker
                    packet.stream = mapping[packet.stream.index]
                    writer.mux(packet)
            duration = reader.duration / av.time_base if reader.duration else None
    except VideoRejected:
        raise
    except (av.FFmpegError, OSError, ValueError, KeyError) as exc:
        raise VideoRejected(NOT_A_VIDEO) from exc
    return CleanVideo(extension=out_format, duration_seconds=duration)

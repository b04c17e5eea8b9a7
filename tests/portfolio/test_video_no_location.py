"""Published videos and generated PDFs carry no place, device, name or hidden stream.

Hostile videos (made with the ffmpeg CLI) hide a location in every place a phone or an
editor can: container keys, stream tags, chapters, a second video track of GPS-tagged
JPEG frames, cover art, subtitles, an attached file and H.264/HEVC SEI units.
"""

import functools

import av
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import PodiumVideo
from tests import hostile_media as hm
from tests import media_checker
from tests.factories import ConsultantFactory, TopicFactory, published_profile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]


@functools.cache
def hostile_videos() -> list[tuple[str, bytes]]:
    return hm.hostile_videos()


def upload(client, name, content):
    data = {"title": "My talk", "file": SimpleUploadedFile(name, content)}
    return client.post("/dashboard/videos/", data)


def test_every_hostile_video_is_published_with_one_picture_and_one_sound_only(client):
    consultant = ConsultantFactory()
    client.force_login(consultant)
    before = media_checker.stored_files()

    for name, content in hostile_videos():
        assert upload(client, name, content).status_code == 302, name

    videos = list(PodiumVideo.objects.order_by("created_at"))
    assert len(videos) == len(hostile_videos())
    for video in videos:
        assert video.status == PodiumVideo.Status.READY, video.problem
        with av.open(video.file.path) as reader:
            (picture,) = reader.streams.video
            # The camera's picture (160x120), not the larger track of GPS photos.
            assert (picture.codec_context.width, picture.codec_context.height) == (160, 120)
            assert picture.codec_context.name in ("h264", "hevc", "vp8")
            assert len(reader.streams.audio) <= 1
            assert not reader.streams.subtitles
            assert sum(1 for _ in reader.decode(picture)) == 10  # every frame still plays
    # Only the published copies remain: the sources, with everything, are gone.
    assert media_checker.assert_new_files_clean(before) == len(videos)


def test_a_video_that_is_only_photos_is_refused_clearly(client, tmp_path):
    consultant = ConsultantFactory()
    client.force_login(consultant)
    slideshow = tmp_path / "slides.mp4"
    hm._run(
        media_checker.require("ffmpeg"), "-v", "error", "-loop", "1", "-framerate", "5",
        "-t", "1", "-i", hm.gps_jpeg_path(), "-c:v", "copy", str(slideshow),
    )  # fmt: skip

    upload(client, "slides.mp4", slideshow.read_bytes())

    video = PodiumVideo.objects.get()
    assert video.status == PodiumVideo.Status.FAILED
    assert "format Podium cannot publish safely" in video.problem
    assert not video.file
    assert not video.source


@pytest.fixture
def profile():
    return published_profile(
        title="Olena Koval",
        bio="<p>Olena trains housing providers.</p>",
        topics=[TopicFactory(name="Housing", slug="housing")],
    )


def test_the_media_kit_pdf_names_no_software_date_or_action(client, profile):
    response = client.get(profile.url + "media-kit/pdf/")

    assert response.status_code == 200
    assert media_checker.findings_in_bytes(response.content, ".pdf", "one-sheet") == []


@pytest.mark.parametrize(
    ("container", "dispositions", "expected"),
    [
        # MP4 always marks one track as default; Matroska can leave both unmarked.
        ("webm", ("0", "0"), (320, 240)),  # no default: the largest picture
        ("mp4", ("0", "default"), (320, 240)),
        ("mp4", ("default", "0"), (160, 120)),  # the default one, as a player would choose
    ],
)
def test_the_published_picture_is_the_one_a_player_would_choose(
    client, tmp_path, container, dispositions, expected
):
    client.force_login(ConsultantFactory())
    two_cameras = tmp_path / f"two.{container}"
    codec = {"webm": ["libvpx", "-default_mode", "passthrough"], "mp4": ["libx264"]}[container]
    hm._run(
        media_checker.require("ffmpeg"), "-v", "error",
        "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10:duration=1",
        "-f", "lavfi", "-i", "testsrc=size=320x240:rate=10:duration=1",
        "-map", "0:v", "-map", "1:v", "-pix_fmt", "yuv420p", "-c:v", *codec,
        "-disposition:v:0", dispositions[0], "-disposition:v:1", dispositions[1],
        str(two_cameras),
    )  # fmt: skip

    upload(client, two_cameras.name, two_cameras.read_bytes())

    video = PodiumVideo.objects.get()
    with av.open(video.file.path) as reader:
        (picture,) = reader.streams.video
        assert (picture.codec_context.width, picture.codec_context.height) == expected

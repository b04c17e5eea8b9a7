"""Uploaded videos lose their place, time and device before anyone can see them (A6)."""

from pathlib import Path

import av
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import PodiumVideo
from portfolio.models import VideoPage, VideoPageForm
from tests.factories import ConsultantFactory, published_child, published_profile

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]

PHONE_METADATA = {
    "location": "+48.8577+002.2950/",
    "make": "Apple",
    "model": "iPhone 15",
    "creation_time": "2026-01-02T03:04:05Z",
    "title": "IMG_0042 at home",
}
IDENTIFYING_KEYS = {
    "location",
    "location-eng",
    "make",
    "model",
    "creation_time",
    "title",
    "encoder",
}


def phone_video(tmp_path, container="mp4") -> bytes:
    """A short real video with the metadata a phone writes into its container."""
    path = tmp_path / f"phone.{container}"
    with av.open(str(path), "w", format="mov" if container == "mov" else "mp4") as out:
        out.metadata.update(PHONE_METADATA)
        stream = out.add_stream("libx264", rate=10)  # x264 also writes its settings in SEI
        stream.width, stream.height, stream.pix_fmt = 64, 48, "yuv420p"
        stream.metadata["creation_time"] = PHONE_METADATA["creation_time"]
        for shade in range(10):
            frame = av.VideoFrame(64, 48, "rgb24")
            frame.planes[0].update(bytes([shade * 20]) * frame.planes[0].buffer_size)
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return path.read_bytes()


def metadata_of(path: str) -> set[str]:
    with av.open(path) as reader:
        keys = set(reader.metadata)
        for stream in reader.streams:
            keys |= set(stream.metadata)
        return keys


@pytest.fixture
def consultant(db):
    return ConsultantFactory()


def upload(client, name, content, **extra):
    data = {"title": "My talk", "file": SimpleUploadedFile(name, content), **extra}
    return client.post("/dashboard/videos/", data)


@pytest.mark.parametrize("container", ["mp4", "mov"])
def test_an_uploaded_phone_video_is_published_without_its_metadata(
    client, consultant, tmp_path, container
):
    content = phone_video(tmp_path, container)
    source = tmp_path / "check.mp4"
    source.write_bytes(content)
    assert {"location", "creation_time"} <= metadata_of(str(source))  # the test can fail
    client.force_login(consultant)

    response = upload(client, f"IMG_0042.{container}", content)

    assert response.status_code == 302
    video = PodiumVideo.objects.get()
    assert video.status == PodiumVideo.Status.READY, video.problem
    assert not video.source  # the original, with its metadata, is gone
    assert not metadata_of(video.file.path) & IDENTIFYING_KEYS
    assert "IMG_0042" not in video.file.name
    with av.open(video.file.path) as reader:
        assert reader.streams.video[0].frames == 10  # the pictures are all there


def test_a_video_page_plays_the_cleaned_file_with_captions(client, consultant, tmp_path):
    client.force_login(consultant)
    upload(
        client,
        "talk.mp4",
        phone_video(tmp_path),
        captions=SimpleUploadedFile("c.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n"),
        captions_language="es",
    )
    video = PodiumVideo.objects.get()
    profile = published_profile(consultant)
    page = published_child(profile, VideoPage, title="Talk", uploaded_video=video)

    html = client.get(page.url).content.decode()

    assert f'src="{video.public_url}"' in html
    assert f'src="{video.captions.url}" srclang="es"' in html
    assert "video_sources" not in html


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("notes.txt", b"hello", "MP4, MOV or WebM"),
        ("talk.avi", b"RIFF", "MP4, MOV or WebM"),
    ],
)
def test_wrong_files_are_refused_on_the_form(client, consultant, name, content, message):
    client.force_login(consultant)
    response = upload(client, name, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PodiumVideo.objects.exists()


def test_a_damaged_video_is_marked_with_a_clear_problem(client, consultant):
    client.force_login(consultant)
    response = upload(client, "broken.mp4", b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 200)

    assert response.status_code == 302
    video = PodiumVideo.objects.get()
    assert video.status == PodiumVideo.Status.FAILED
    assert "could not be read as a video" in video.problem
    assert not video.source
    assert not video.file


def test_captions_must_be_webvtt(client, consultant, tmp_path):
    client.force_login(consultant)
    response = upload(
        client,
        "talk.mp4",
        phone_video(tmp_path),
        captions=SimpleUploadedFile("c.vtt", b"<script>alert(1)</script>"),
    )
    assert "not a WebVTT file" in response.content.decode()
    assert not PodiumVideo.objects.exists()


def test_a_file_over_the_limit_is_refused(client, consultant, settings):
    settings.PODIUM_MAX_VIDEO_UPLOAD_BYTES = 100
    client.force_login(consultant)
    response = upload(client, "talk.mp4", b"\x00" * 200)
    assert "too big" in response.content.decode()


def test_only_consultants_have_a_video_page_and_each_sees_only_their_own(
    client, consultant, user, tmp_path
):
    other = ConsultantFactory()
    client.force_login(other)
    upload(client, "theirs.mp4", phone_video(tmp_path), title="Their secret talk")

    client.force_login(consultant)
    assert "Their secret talk" not in client.get("/dashboard/videos/").content.decode()
    client.force_login(user)  # an organization member
    assert client.get("/dashboard/videos/").status_code == 404


def test_the_video_page_form_offers_only_your_own_ready_videos(client, consultant, tmp_path):
    other = ConsultantFactory()
    client.force_login(other)
    upload(client, "theirs.mp4", phone_video(tmp_path))
    client.force_login(consultant)
    upload(client, "mine.mp4", phone_video(tmp_path), title="Mine")
    mine = PodiumVideo.objects.get(uploaded_by=consultant)

    form_class = VideoPage.get_edit_handler().get_form_class()
    form = form_class(instance=VideoPage(), for_user=consultant)

    assert issubclass(form_class, VideoPageForm)
    assert list(form.fields["uploaded_video"].queryset) == [mine]


def test_a_video_page_needs_exactly_one_video(consultant):
    profile = published_profile(consultant)
    with pytest.raises(ValidationError, match="either a YouTube or Vimeo link"):
        published_child(profile, VideoPage, title="Empty")


def test_the_task_is_idempotent(client, consultant, tmp_path):
    from core.media.tasks import process_video

    client.force_login(consultant)
    upload(client, "talk.mp4", phone_video(tmp_path))
    video = PodiumVideo.objects.get()
    first_file = video.file.name

    assert process_video(str(video.pk)) == "skipped"
    video.refresh_from_db()
    assert video.file.name == first_file
    assert Path(video.file.path).exists()

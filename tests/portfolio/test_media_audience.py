"""A media address answers only while its page's audience includes the one who asks.

Every address a visitor saw (renditions of the profile photo and a video's poster, the
uploaded video and its captions) stops answering them when the audience narrows, the
page is unpublished or the profile paused; the owner keeps seeing them.
"""

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from accounts.models import ConsultantWorkspace
from core.media.services import image_create
from core.models import PodiumVideo
from portfolio import services
from portfolio.models import VideoPage
from tests.core import images as h
from tests.factories import ConsultantFactory, published_child, published_profile

pytestmark = pytest.mark.django_db


@pytest.fixture
def seen(client):
    """A public profile and video page, and every media address an anonymous visitor got."""
    consultant = ConsultantFactory()
    collection = ConsultantWorkspace.objects.get(user=consultant).collection
    photo = image_create(
        source=ContentFile(h.jpeg_with_everything(), name="p.jpg"), title="p", collection=collection
    )
    poster = image_create(
        source=ContentFile(h.jpeg_with_everything(), name="q.jpg"), title="q", collection=collection
    )
    profile = published_profile(consultant, photo=photo)
    video = PodiumVideo.objects.create(
        title="Talk",
        uploaded_by=consultant,
        file=ContentFile(b"a cleaned video", name="v.mp4"),
        captions=ContentFile(b"WEBVTT\n", name="c.vtt"),
        status=PodiumVideo.Status.READY,
    )
    page = published_child(profile, VideoPage, title="Talk", uploaded_video=video, poster=poster)
    urls = [
        photo.get_rendition("fill-200x200").url,
        poster.get_rendition("width-800").url,
        video.file.url,
        video.captions.url,
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"".join(response.streaming_content)
    return {"profile": profile, "page": page, "urls": urls}


def _narrow_profile(profile, audience):
    profile.audience = audience
    profile.save_revision(user=profile.consultant).publish()


NARROWINGS = {
    "profile private": lambda w: _narrow_profile(w["profile"], "private"),
    "profile network": lambda w: _narrow_profile(w["profile"], "network"),
    "video page private": lambda w: _narrow_profile(w["page"], "private"),
    "profile paused": lambda w: services.profile_pause(profile=w["profile"]),
    "everything unpublished": lambda w: [p.specific.unpublish() for p in (w["page"], w["profile"])],
    "profile unpublished": lambda w: w["profile"].unpublish(),
}


@pytest.mark.parametrize("narrowing", NARROWINGS)
def test_old_media_addresses_stop_answering_when_the_audience_narrows(seen, narrowing):
    NARROWINGS[narrowing](seen)
    urls = seen["urls"] if narrowing != "video page private" else seen["urls"][1:]

    stranger = Client()
    other_consultant = Client()
    other_consultant.force_login(ConsultantFactory())
    owner = Client()
    owner.force_login(seen["profile"].consultant)
    if narrowing != "profile network":
        assert stranger.get(seen["page"].url).status_code == 404  # the page, as its media
    for url in urls:
        assert stranger.get(url).status_code == 404, url
        if narrowing != "profile network":  # other consultants are the network
            assert other_consultant.get(url).status_code == 404, url
        answer = owner.get(url)
        assert answer.status_code == 200, url
        assert "private" in answer["Cache-Control"]


def test_a_private_media_answer_is_never_kept_by_a_shared_cache(seen):
    for url in seen["urls"]:
        answer = Client().get(url)
        assert "no-cache" in answer["Cache-Control"]
        assert "private" in answer["Cache-Control"]


def test_the_web_server_sends_the_file_when_configured(seen, settings):
    settings.PODIUM_MEDIA_ACCEL_REDIRECT = "/protected-media/"
    answer = Client().get(seen["urls"][0])
    assert answer["X-Accel-Redirect"] == "/protected-media/" + seen["urls"][0].removeprefix(
        "/media/"
    )
    assert answer.content == b""
    _narrow_profile(seen["profile"], "private")
    assert not Client().get(seen["urls"][0]).has_header("X-Accel-Redirect")


def test_old_media_addresses_stop_answering_on_postgresql(postgres, seen):
    # The reference index keeps ids as text: the lookup must hold on PostgreSQL's types.
    for url in seen["urls"]:
        assert Client().get(url).status_code == 200, url
    _narrow_profile(seen["profile"], "private")
    for url in seen["urls"]:
        assert Client().get(url).status_code == 404, url


@pytest.mark.django_db
def test_media_files_are_looked_up_through_an_index():
    # Each /media/ request finds its rendition or video by file name: without an index
    # that is a scan of every rendition on the site for every picture on every page.
    from django.db import connection

    from core.models import PodiumRendition, PodiumVideo

    for model, column in (
        (PodiumRendition, "file"),
        (PodiumVideo, "file"),
        (PodiumVideo, "captions"),
    ):
        with connection.cursor() as cursor:
            constraints = connection.introspection.get_constraints(cursor, model._meta.db_table)
        assert any(c["index"] and c["columns"] == [column] for c in constraints.values()), (
            model,
            column,
        )

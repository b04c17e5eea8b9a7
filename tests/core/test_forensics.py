"""The forensic scan finds what it looks for, wherever it hides: otherwise a test of
forgetting that uses it would prove nothing."""

from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import PageLogEntry

from portfolio.models import Topic
from tests.factories import UserFactory, published_profile
from tests.forensics import remnants

pytestmark = pytest.mark.django_db


def test_the_scan_finds_a_marker_in_a_text_column_and_a_json_column():
    profile = published_profile(headline="zqxscanheadline")
    PageLogEntry.objects.filter(page=profile).update(data={"a": "zqxjson"})
    found = remnants(["zqxscanheadline", "zqxjson"])
    assert any(hit.startswith("portfolio_speakerprofilepage.headline") for hit in found)
    assert any(hit.startswith("wagtailcore_pagelogentry.data: zqxjson") for hit in found)


def test_the_scan_finds_a_session_of_a_user_and_a_file_by_name_or_content():
    user = UserFactory()
    client = Client()
    client.force_login(user)
    Path(settings.PRIVATE_MEDIA_ROOT, "zqxfilename.txt").write_text("x")
    Path(settings.MEDIA_ROOT, "other.txt").write_text("inside zqxcontent")
    found = remnants(["zqxfilename", "zqxcontent"], user_ids=[user.pk])
    assert any("signed in as a forgotten user" in hit for hit in found)
    assert any(hit.endswith("zqxfilename.txt: zqxfilename") for hit in found)
    assert any(hit.endswith("other.txt: zqxcontent") for hit in found)
    Path(settings.PRIVATE_MEDIA_ROOT, "zqxfilename.txt").unlink()
    Path(settings.MEDIA_ROOT, "other.txt").unlink()


def test_the_scan_asks_the_search_index():
    Topic.objects.create(name="Zqxsearchable", slug="zqx")
    assert "search index portfolio.Topic: zqxsearchable" in remnants(["zqxsearchable"])

"""The whole portfolio journey in the browser, through the real Wagtail admin.

A consultant uploads a GPS-tagged photo, fills in the profile, writes a post with a
content note and a video, and sends both for review; an editor (with two-step sign-in)
approves; a visitor finds the profile by topic and reads the post after its note.
"""

import re
from pathlib import Path

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from playwright.sync_api import expect

from core.models import PodiumImage
from portfolio.models import BlogPostPage, SpeakerProfilePage
from tests.conftest import fixture_path
from tests.core import images as h
from tests.e2e.conftest import sign_in, totp_code_now, url
from tests.factories import ConsultantFactory, EditorFactory, TopicFactory

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def screenshot_on_failure(page, name):
    # test-results/ is git-ignored; the picture shows where the admin stopped.
    page.screenshot(
        path=str(Path(settings.BASE_DIR, "test-results", f"{name}.png")), full_page=True
    )


def field(page, label):
    # Wagtail labels a field's panel, its anchors and the input alike: ask for the input.
    return page.get_by_role("textbox", name=re.compile(f"^{re.escape(label)}"))


def submit_for_review(page):
    # The primary action is "Save draft"; sending for review is in the action menu.
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Send for review", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/"))


def sign_in_with_code(page, live_server, user, secret):
    page.goto(url(live_server, "/accounts/login/"))
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill("a long and unusual passphrase 42")
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r"/accounts/2fa/authenticate/"))
    page.get_by_label("Code").fill(totp_code_now(secret))
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url(re.compile(r"/dashboard/$"))


@pytest.mark.slow
def test_write_review_publish_and_read(page, live_server):
    TopicFactory(name="Housing", slug="housing")
    consultant = ConsultantFactory()
    editor = EditorFactory()
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    profile = SpeakerProfilePage.objects.get(consultant=consultant)

    try:
        # 1. The consultant uploads a GPS-tagged photo.
        sign_in(page, live_server, consultant)
        page.goto(url(live_server, "/admin/images/add/"))
        page.locator("input[type=file]").set_input_files(fixture_path("images", "DSCN0010.jpg"))
        page.get_by_role("button", name="Upload").click()
        page.wait_for_url(re.compile(r"/admin/images/(\?|$)"))

        # 2. Fills in the profile and chooses the photo.
        page.goto(url(live_server, "/dashboard/"))
        page.get_by_role("link", name="Edit your profile").click()
        page.wait_for_url(re.compile(rf"/admin/pages/{profile.pk}/edit/"))
        field(page, "Professional name").fill("Ana Rivera")
        field(page, "Headline").fill("Trainer for housing providers")
        page.locator("#id_photo-chooser").get_by_role("button", name="Choose an image").click()
        page.locator(".modal-content").get_by_role("link", name="Untitled image").first.click()
        page.get_by_label("Housing").check()
        # Who sees it is asked first, on the first tab.
        page.locator("input[name=audience][value=public]").check()
        submit_for_review(page)

        # 3. Writes a post with a content note and a video, and sends it too.
        page.goto(url(live_server, f"/admin/pages/add/portfolio/blogpostpage/{profile.pk}/"))
        field(page, "Title").fill("What trainers miss")
        field(page, "Summary").fill("Three lessons from the room.")
        field(page, "Content note").fill("Mentions exploitation in general terms.")
        page.get_by_role("button", name="Insert a block").first.click()
        page.get_by_text("Video (YouTube or Vimeo)").click()
        page.locator("input[name$='-value']").last.fill("https://vimeo.com/123456789")
        page.get_by_label("Housing").check()
        # Who sees it is asked first, on the first tab.
        page.locator("input[name=audience][value=public]").check()
        submit_for_review(page)
        assert not SpeakerProfilePage.objects.get(pk=profile.pk).live

        # 4. An editor approves both.
        page.context.clear_cookies()
        sign_in_with_code(page, live_server, editor, secret)
        post = BlogPostPage.objects.get()
        for reviewed in (profile, post):
            page.goto(url(live_server, f"/admin/pages/{reviewed.pk}/edit/"))
            page.get_by_role("button", name="More actions").click()
            page.get_by_role("button", name=re.compile("^Approve")).first.click()
            dialog = page.get_by_role("dialog")
            if dialog.count() and dialog.get_by_role("button", name=re.compile("Approve")).count():
                dialog.get_by_role("button", name=re.compile("Approve")).first.click()
            page.wait_for_load_state("load")

        profile.refresh_from_db()
        post.refresh_from_db()
        assert profile.live
        assert post.live

        # 5. A visitor finds the profile by topic and reads the post after its note.
        page.context.clear_cookies()
        page.goto(url(live_server, "/speakers/topics/housing/"))
        page.get_by_role("link", name="Ana Rivera").click()
        page.get_by_role("link", name="What trainers miss").click()
        expect(page.get_by_text("Mentions exploitation in general terms.")).to_be_visible()
        page.get_by_role("link", name="Continue").click()
        # The button appears once click-to-load.js has run (it is deferred).
        page.get_by_role("button", name="Play video").wait_for(state="visible")
    except Exception:
        screenshot_on_failure(page, "portfolio-journey")
        raise

    # The photo on the profile carries no location, in the original or its renditions.
    image = PodiumImage.objects.get()
    assert profile.photo_id == image.pk
    with image.file.open("rb") as stored:
        h.assert_no_metadata(stored.read())
    for rendition in image.renditions.all():
        with rendition.file.open("rb") as handle:
            h.assert_no_metadata(handle.read())

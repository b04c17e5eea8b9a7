"""An editor features a consenting consultant's post in the real Wagtail admin, schedules
it, and sees it go live on the home page.

The consultant gives consent from the dashboard first; without it the admin refuses. To
see the schedule take effect without waiting, the test moves the site's clock forward:
the live server runs in this process, so patching django.utils.timezone.now moves it for
the server too. Nothing about the featured item itself is changed behind the admin's back.
"""

import re
from datetime import timedelta
from unittest import mock

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from cms.models import FeaturedItem, HomePage
from portfolio.models import BlogPostPage
from tests.e2e.conftest import axe_violations, sign_in, url
from tests.e2e.test_portfolio_journey import screenshot_on_failure, sign_in_with_code
from tests.factories import EditorFactory, published_child, published_profile

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

POST_TITLE = "What fair pay looks like in practice"


def _choose_the_post(page):
    page.get_by_role("button", name="Add featured page").click()
    page.get_by_role("button", name=re.compile("^Choose a page")).last.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("textbox", name=re.compile("Search")).fill("fair pay")
    dialog.get_by_role("link", name=POST_TITLE).click()
    page.get_by_role("dialog").wait_for(state="hidden")


def _publish(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()


def test_an_editor_features_and_schedules_a_consenting_consultants_post(page, live_server):
    profile = published_profile(title="Maya Torres", slug="maya-torres")
    published_child(profile, BlogPostPage, title=POST_TITLE)
    editor = EditorFactory()
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)
    home = HomePage.objects.get()
    edit_home = url(live_server, f"/admin/pages/{home.pk}/edit/")
    go_live = timezone.now().replace(second=0, microsecond=0) + timedelta(minutes=10)

    try:
        # 1. Without consent, the chooser does not offer the post at all.
        sign_in_with_code(page, live_server, editor, secret)
        page.goto(edit_home)
        page.get_by_role("button", name="Add featured page").click()
        page.get_by_role("button", name=re.compile("^Choose a page")).last.click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_role("textbox", name=re.compile("Search")).fill("fair pay")
        dialog.get_by_text("There are 0 matches").wait_for()
        assert dialog.get_by_role("link", name=POST_TITLE).count() == 0
        assert not FeaturedItem.objects.exists()

        # 2. The consultant agrees on the dashboard, in a browser of their own.
        consultant_context = page.context.browser.new_context()
        try:
            theirs = consultant_context.new_page()
            sign_in(theirs, live_server, profile.consultant)
            theirs.get_by_role(
                "button", name="Allow Podium to feature my work on the home page"
            ).click()
            theirs.get_by_text("Stop featuring my work", exact=True).wait_for()
        finally:
            consultant_context.close()

        # 3. The editor features the post from ten minutes from now.
        page.goto(edit_home)
        _choose_the_post(page)
        page.get_by_role("textbox", name=re.compile("^Show from")).last.fill(
            go_live.strftime("%Y-%m-%d %H:%M")
        )
        page.keyboard.press("Escape")  # closes the date picker
        _publish(page)
        page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
        item = FeaturedItem.objects.get()
        assert item.go_live_at == go_live
        page.context.clear_cookies()

        # 4. A visitor does not see it yet...
        page.goto(url(live_server, "/"))
        assert page.get_by_role("link", name=POST_TITLE).count() == 0

        # ...and does once the time has come.
        real_now = timezone.now
        later = mock.patch(
            "django.utils.timezone.now", side_effect=lambda: real_now() + timedelta(minutes=11)
        )
        with later:
            page.goto(url(live_server, "/"))
            page.get_by_role("link", name=POST_TITLE).wait_for()
            assert axe_violations(page) == []
    except Exception:
        screenshot_on_failure(page, "featuring-journey")
        raise

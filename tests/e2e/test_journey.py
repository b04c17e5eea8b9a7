"""A new consultant signs up, confirms by the e-mailed link, signs in and uploads a photo.

The e-mail travels through the real SMTP backend to an aiosmtpd server in the test.
"""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from accounts.models import User
from core.models import PodiumImage
from tests.conftest import fixture_path
from tests.core import images as h
from tests.e2e.conftest import url

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "amara.new@example.org"
PASSWORD = "a calm and very long passphrase"
CONFIRM_LINK = re.compile(r"https?://\S+/accounts/confirm-email/\S+")


def test_sign_up_confirm_sign_in_and_upload_a_photo(page, live_server, real_smtp):
    csp_errors = []
    page.on(
        "console",
        lambda msg: "Content Security Policy" in msg.text and csp_errors.append(msg.text),
    )

    # Sign up as a consultant.
    page.goto(url(live_server, "/"))
    page.get_by_role("link", name="Join Podium").click()
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("I am a survivor-leader offering my expertise").check()
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    assert not csp_errors, csp_errors

    # The verification e-mail arrives over SMTP; it says little and links back.
    [message] = real_smtp.wait_for(1)
    assert message["To"] == EMAIL
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = CONFIRM_LINK.search(body).group(0)

    page.goto(link)
    page.get_by_role("button", name="Confirm").click()

    # Confirming does not sign in: the person signs in with the password.
    page.wait_for_url(re.compile(r"/accounts/login/"))
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()
    page.wait_for_url(re.compile(r"/dashboard/$"))
    expect(
        page.get_by_role("heading", name="Protect your account with a second step")
    ).to_be_visible()
    # Upload a GPS-tagged camera photo through the Wagtail admin (under its CSP).
    page.get_by_role("link", name="Upload a photo").click()
    page.wait_for_url(re.compile(r"/admin/images/add/"))
    page.locator("input[type=file]").set_input_files(fixture_path("images", "DSCN0010.jpg"))
    assert page.get_by_label("Title").input_value() == ""  # not copied from the file name
    page.get_by_role("button", name="Upload").click()
    page.wait_for_url(re.compile(r"/admin/images/(\?|$)"))

    consultant = User.objects.get(email=EMAIL)
    image = PodiumImage.objects.get()
    assert image.uploaded_by_user == consultant
    assert image.collection == consultant.workspace.collection
    assert image.title == "Untitled image"
    with image.file.open("rb") as stored:
        content = stored.read()
    h.assert_no_metadata(content)
    with Image.open(image.file.path) as opened:
        assert opened.getexif() == {}

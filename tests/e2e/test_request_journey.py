"""A visitor on a speaker's profile becomes an organization that sends her a request.

"Request this speaker" -> sign-up as an organization (the role already chosen) -> the
confirmation e-mail over real SMTP -> sign in -> two-step verification set up without a
second password prompt, recovery codes, "Continue" -> the organization created -> its
verification applied for and granted -> back at the request form for that speaker ->
sent. At a phone's width and a laptop's, with axe-core on every page and a screenshot
of every step in test-results/.
"""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.urls import reverse
from playwright.sync_api import expect

from accounts.models import User
from networking.models import Booking, VerificationApplication
from networking.services.organizations import verification_decide
from tests.e2e.conftest import axe_violations, totp_code_now, url
from tests.factories import PASSWORD, EditorFactory, published_profile

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "rafa@tidewater.example"
LINK = re.compile(r"http://\S+")


class Steps:
    """Screenshots named by width and step, and axe on each page."""

    def __init__(self, page, width):
        self.page, self.width, self.count = page, width, 0
        self.folder = Path(settings.BASE_DIR, "test-results")
        self.folder.mkdir(exist_ok=True)

    def check(self, name):
        self.count += 1
        self.page.screenshot(
            path=str(self.folder / f"request-journey-{self.width}-{self.count:02d}-{name}.png"),
            full_page=True,
        )
        violations = axe_violations(self.page)
        assert violations == [], (name, violations)
        # Nothing wider than the screen: no sideways scrolling on a phone.
        overflow = self.page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, (name, overflow)


@pytest.mark.parametrize("width", [390, 1366])
def test_a_visitor_requests_a_speaker_through_sign_up_and_set_up(
    page, live_server, real_smtp, width
):
    page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
    steps = Steps(page, width)
    profile = published_profile(title="Mara Quill", topics_not_discussed="My family")
    request_path = reverse("networking:booking_new", args=[profile.consultant.public_id])

    # 1. The profile offers "Request this speaker" to everyone (once the profile page
    #    has it); the journey starts from the address it links to either way.
    page.goto(url(live_server, profile.url))
    button = page.get_by_role("link", name="Request this speaker")
    if button.count():
        assert button.first.get_attribute("href") == request_path
        button.first.click()
    else:
        page.goto(url(live_server, request_path))

    # 2. Sign-up as an organization, the role already chosen, saying why.
    page.wait_for_url(re.compile(r"/accounts/signup/\?role=organization&next="))
    expect(page.get_by_text("To send a request, create an organization account.")).to_be_visible()
    assert page.get_by_label("I represent an organization").is_checked()
    assert not page.get_by_label("I am a survivor-leader").is_checked()
    sign_in_link = page.locator("#main").get_by_role("link", name="Sign in")
    assert sign_in_link.get_attribute("href") == (
        f"/accounts/login/?next={quote(request_path, safe='')}"
    )
    steps.check("signup")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/$"))
    steps.check("verification-sent")

    # 3. The confirmation e-mail, then signing in, which keeps the request as next.
    [message] = real_smtp.wait_for(1)
    body = message.get_body(preferencelist=("plain",)).get_content()
    link = re.sub(r"^http://[^/]+", live_server.url, LINK.search(body).group(0))
    page.goto(link)
    steps.check("confirm-email")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/accounts/login/\?next="))
    steps.check("sign-in")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()

    # 4. Two-step verification first, with no second password prompt.
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/$"))
    expect(page.get_by_role("heading", name="Set up two-step verification")).to_be_visible()
    assert page.get_by_text(re.compile("Two-Factor|TOTP|Authenticator App")).count() == 0
    steps.check("two-step-setup")
    secret = page.get_by_label("Key to type in instead of scanning").input_value()
    page.get_by_label("Authenticator code").fill(totp_code_now(secret))
    page.get_by_role("button", name="Turn on two-step verification").click()
    page.wait_for_url(re.compile(r"/accounts/2fa/recovery-codes/$"))
    codes = page.get_by_label("Unused codes").input_value().split()
    assert len(codes) == 10
    expect(page.get_by_role("link", name="Download the codes")).to_be_visible()
    steps.check("recovery-codes")
    page.get_by_role("link", name="Continue").click()

    # 5. The organization, created on the way, and its verification applied for.
    page.wait_for_url(re.compile(r"/network/organization/$"))
    steps.check("organization-new")
    page.get_by_label("Name:", exact=True).fill("Tidewater Collective")
    page.get_by_label("Type").select_option("ngo")
    page.get_by_label("E-mail domain").fill("tidewater.example")
    page.get_by_label("Country").select_option(label="Canada")
    page.get_by_role("button", name="Create the organization").click()
    page.wait_for_url(re.compile(re.escape(request_path) + "$"))
    heading = page.get_by_role("heading", name="Almost ready to send Mara Quill a request")
    expect(heading).to_be_visible()
    steps.check("not-yet")
    page.get_by_role("link", name="Apply for verification").click()
    page.get_by_label("Registration number").fill("CA-7781")
    page.get_by_label("Reference: name").fill("Ana Ruiz")
    page.get_by_label("Reference: e-mail address or phone number").fill("+1 555 0100")
    page.get_by_label("How the reference knows your organization").fill("Our funder")
    page.get_by_label("We pledge").check()
    page.get_by_role("button", name="Send the application").click()
    page.wait_for_url(re.compile(re.escape(request_path) + "$"))
    page.get_by_text("your application is with an editor").wait_for()
    steps.check("waiting-for-verification")

    # 6. An editor verifies it (the admin's Verify button calls this same service; the
    #    networking journey drives that button), and the request form is there.
    verification_decide(
        application=VerificationApplication.objects.get(), editor=EditorFactory(), approve=True
    )
    page.reload()
    expect(page.get_by_role("heading", name="Request a booking with Mara Quill")).to_be_visible()
    page.get_by_text("My family").wait_for()
    steps.check("request-form")
    page.get_by_label("What the engagement is").fill("Volunteer training evening")
    page.get_by_label("Engagement type").select_option("workshop")
    page.get_by_label("Topic").fill("Recognising exploitation")
    page.get_by_label("First date").fill("2030-03-14")
    page.get_by_label("Last date").fill("2030-03-14")
    page.get_by_label("Format").select_option("virtual")
    page.get_by_label("Expected audience size").fill("30")
    page.get_by_label("Fee:", exact=True).fill("900")
    page.get_by_label("Venue or meeting link").fill("A video call link, sent later")
    page.get_by_label("Contact person").fill("Rafa")
    page.get_by_label("Contact e-mail or phone").fill(EMAIL)
    page.get_by_label("I have read the consultant's boundaries").check()
    page.get_by_role("button", name="Send the request").click()
    page.get_by_text("Your request was sent").wait_for()
    steps.check("sent")

    booking = Booking.objects.get()
    assert booking.consultant == profile.consultant
    assert booking.requested_by == User.objects.get(email=EMAIL)
    assert booking.title == "Volunteer training evening"

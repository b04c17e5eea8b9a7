"""The whole networking journey in the browser, with e-mail over real SMTP.

An organization signs up and applies for verification; an editor (two-step sign-in)
verifies it; it posts an opportunity; the matching consultant is told by e-mail,
expresses interest; the organization sends a request; she proposes a higher fee; they
confirm; both write messages; the booking is completed, invoiced and paid; their
testimonial is approved and shows on her profile. axe-core checks each page on the way.
"""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone

from accounts.models import User
from networking.models import Booking, Invoice, Opportunity, Organization
from tests.e2e.conftest import axe_violations, patient, url
from tests.e2e.test_portfolio_journey import screenshot_on_failure, sign_in_with_code
from tests.factories import PASSWORD, EditorFactory, TopicFactory, published_profile

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ORG_EMAIL = "dana@harbourlight.example"
LINK = re.compile(r"http://\S+")


def _no_violations(page, where):
    violations = axe_violations(page)
    assert violations == [], (where, violations)


class People:
    """One browser context per person, each signed in once: a one-time code cannot be
    used twice, and people do not share a browser."""

    def __init__(self, browser, first_page, live_server):
        self.browser, self.live_server = browser, live_server
        self.spare = first_page
        self.pages = {}
        self.contexts = []

    def page_for(self, user, secret=None):
        if user.pk in self.pages:
            return self.pages[user.pk]
        page = self.spare or self._new_page()
        self.spare = None
        if secret:
            sign_in_with_code(page, self.live_server, user, secret)
        else:
            page.goto(url(self.live_server, "/accounts/login/"))
            page.get_by_label("Email").fill(user.email)
            page.get_by_label("Password").fill(PASSWORD)
            page.get_by_role("button", name="Sign In", exact=True).click()
            page.wait_for_url(re.compile(r"/dashboard/$"))
        self.pages[user.pk] = page
        return page

    def close(self):
        # Before the test database is torn down: an idle browser connection closed later
        # would reach for it from a server thread.
        for context in self.contexts:
            context.close()

    def _new_page(self):
        context = self.browser.new_context()
        self.contexts.append(context)
        return patient(context.new_page())


def _mail_to(sink, address, after=0):
    for message in sink.messages[after:]:
        if message["To"] == address:
            return message.get_body(preferencelist=("plain",)).get_content()
    return None


@pytest.mark.slow
def test_from_sign_up_to_a_paid_booking_and_a_published_testimonial(
    page, browser, live_server, real_smtp
):
    people = People(browser, page, live_server)
    try:
        _journey(people, page, live_server, real_smtp)
    except Exception:
        for n, shown in enumerate([page, *people.pages.values()]):
            screenshot_on_failure(shown, f"networking-journey-{n}")
        raise
    finally:
        people.close()


def _journey(people, page, live_server, sink):
    topic = TopicFactory(name="Supply chains", slug="supply-chains")
    profile = published_profile(
        title="Mara Quill",
        topics=[topic],
        rates=[("workshop", 900)],
        country="CA",
        topics_not_discussed="My family",
    )
    consultant = profile.consultant
    editor = EditorFactory()
    editor_secret = generate_totp_secret()
    TOTP.activate(editor, editor_secret)

    # 1. The organization signs up and confirms its address over SMTP.
    page.goto(url(live_server, "/accounts/signup/"))
    page.get_by_label("Email").fill(ORG_EMAIL)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_label("I represent an organization").check()
    page.get_by_role("button", name="Sign Up").click()
    sink.wait_for(1)
    page.goto(LINK.search(_mail_to(sink, ORG_EMAIL)).group(0))
    page.get_by_role("button", name="Confirm").click()
    dana = User.objects.get(email=ORG_EMAIL)
    page = people.page_for(dana)

    # 2. It creates the organization and applies for verification.
    page.get_by_role("link", name="Create your organization").click()
    page.get_by_label("Name:", exact=True).wait_for()
    _no_violations(page, "organization form")
    page.get_by_label("Name:", exact=True).fill("Harbourlight Trust")
    page.get_by_label("Type").select_option("ngo")
    page.get_by_label("E-mail domain").fill("harbourlight.example")
    page.get_by_label("Country").select_option(label="Canada")
    page.get_by_role("button", name="Create the organization").click()
    page.get_by_role("link", name="Apply for verification").click()
    page.get_by_label("Registration number").fill("CA-2231")
    page.get_by_label("Reference: name").fill("Ana Ruiz")
    page.get_by_label("Reference: e-mail address or phone number").fill("+1 555 0100")
    page.get_by_label("How the reference knows your organization").fill("Our funder")
    page.get_by_label("We pledge").check()
    _no_violations(page, "verification form")
    page.get_by_role("button", name="Send the application").click()
    page.get_by_text("An editor will review your application").wait_for()
    _no_violations(page, "organization page")

    # 3. An editor verifies it in the Wagtail admin.
    page = people.page_for(editor, editor_secret)
    page.goto(url(live_server, "/admin/networking/verification/"))
    page.get_by_text("CA-2231").wait_for()
    page.get_by_role("button", name="Verify").click()
    page.get_by_text("Decision recorded").wait_for()
    assert Organization.objects.get().verification == "verified"

    # 4. With two-step verification on, the organization posts and opens an opportunity.
    dana_secret = generate_totp_secret()
    TOTP.activate(dana, dana_secret)
    page = people.page_for(dana, dana_secret)
    page.goto(url(live_server, "/network/opportunities/"))
    page.get_by_role("link", name="Post an opportunity").click()
    today = timezone.localdate().isoformat()
    page.get_by_label("Title").fill("Supplier audit training")
    page.get_by_label("Engagement type").select_option("workshop")
    page.get_by_label("Supply chains").check()
    page.get_by_label("Description").fill("Half a day with our buyers.")
    page.get_by_label("Format").select_option("in_person")
    page.get_by_label("Country").select_option(label="Canada")
    page.get_by_label("First date").fill(today)
    page.get_by_label("Last date").fill(today)
    page.get_by_label("Fee offered").fill("1500")
    page.get_by_label("Answer by").fill(today)
    page.get_by_label("We attest").check()
    _no_violations(page, "opportunity form")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("button", name="Open it to consultants").click()
    page.get_by_text("now open").wait_for()
    _no_violations(page, "opportunity (organization)")
    assert Opportunity.objects.get().status == "open"

    # 5. The matching consultant is told by e-mail, discreetly, and says she is interested.
    sink.wait_for(2)
    body = _mail_to(sink, consultant.email)
    assert body is not None
    assert "Supplier" not in body
    page = people.page_for(consultant)
    # The link points at the configured site address; the test server has its own port.
    page.goto(re.sub(r"^http://[^/]+", live_server.url, LINK.search(body).group(0)))
    _no_violations(page, "notifications")
    page.get_by_role("link", name="A new opportunity matches your profile.").click()
    page.get_by_label("A short note").fill("I train buyers every spring.")
    page.get_by_label("Your fee").fill("1500")
    _no_violations(page, "opportunity (consultant)")
    page.get_by_role("button", name="Express interest").click()
    page.get_by_text("You expressed interest").wait_for()

    # 6. The organization sends a request from the interest; her boundaries are shown.
    page = people.page_for(dana, dana_secret)
    page.goto(url(live_server, f"/network/opportunities/{Opportunity.objects.get().pk}/"))
    page.get_by_role("link", name="Send a booking request").click()
    page.get_by_text("My family").wait_for()
    page.get_by_label("Topic").fill("Audits")
    page.get_by_label("Expected audience size").fill("25")
    page.get_by_label("Venue or meeting link").fill("Room 5, 80 King Street")
    page.get_by_label("Contact person").fill("Dana")
    page.get_by_label("Contact e-mail or phone").fill(ORG_EMAIL)
    page.get_by_label("I have read the consultant's boundaries").check()
    _no_violations(page, "booking request form")
    page.get_by_role("button", name="Send the request").click()
    page.get_by_text("Your request was sent").wait_for()
    booking = Booking.objects.get()

    # 7. She proposes a higher fee, without seeing the venue yet.
    page = people.page_for(consultant)
    page.goto(url(live_server, f"/network/bookings/{booking.pk}/"))
    assert page.get_by_text("80 King Street").count() == 0
    _no_violations(page, "booking (consultant)")
    page.get_by_label("New fee").fill("1800")
    page.get_by_role("button", name="Propose these terms").click()
    page.get_by_text("The booking is now: new terms proposed").wait_for()

    # 8. They confirm and write; she sees the venue and answers.
    page = people.page_for(dana, dana_secret)
    page.goto(url(live_server, f"/network/bookings/{booking.pk}/"))
    page.get_by_role("button", name="Confirm the booking").click()
    page.get_by_text("The booking is now: confirmed").wait_for()
    page.get_by_role("link", name="Messages").click()
    page.get_by_label("Your message").fill("Looking forward to it.")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("Looking forward to it.").wait_for()
    _no_violations(page, "conversation")
    page = people.page_for(consultant)
    page.goto(url(live_server, f"/network/bookings/{booking.pk}/"))
    page.get_by_text("80 King Street").wait_for()
    page.get_by_role("link", name="Messages").click()
    page.get_by_label("Your message").fill("Me too. See you at nine.")
    page.get_by_role("button", name="Send").click()
    page.get_by_text("See you at nine.").wait_for()

    # 9. The day has come: completed, invoiced, paid.
    page.goto(url(live_server, f"/network/bookings/{booking.pk}/"))
    page.get_by_role("button", name="Mark as completed").click()
    page.get_by_text("The booking is now: completed").wait_for()
    page.get_by_role("button", name="Send the invoice").click()
    page.get_by_text("The invoice was sent").wait_for()
    _no_violations(page, "invoice")
    page.get_by_role("button", name="Mark as paid").click()
    page.get_by_text("Marked as paid").wait_for()
    assert Invoice.objects.get().status == "paid"
    page.goto(url(live_server, "/network/earnings/"))
    page.get_by_text("USD 1,800.00").first.wait_for()
    _no_violations(page, "earnings")

    # 10. The organization writes a testimonial; she approves it; it is on her profile.
    page = people.page_for(dana, dana_secret)
    page.goto(url(live_server, f"/network/bookings/{booking.pk}/"))
    page.get_by_role("link", name="Write a testimonial").click()
    page.get_by_label("Testimonial").fill("Mara changed how our buyers read an audit.")
    page.get_by_label("Name to show with it").fill("Dana, procurement lead")
    page.get_by_role("button", name="Send it to the consultant").click()
    page.get_by_text("once the consultant approves it").wait_for()
    page = people.page_for(consultant)
    page.goto(url(live_server, "/dashboard/testimonials/"))
    page.get_by_role("button", name=re.compile("Approve")).first.click()
    page = people._new_page()  # a visitor
    page.goto(url(live_server, profile.url))
    page.get_by_text("Mara changed how our buyers read an audit.").wait_for()

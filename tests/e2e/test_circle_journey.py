"""The circle's whole journey in the browser, at a laptop's width.

A consultant who is not a member asks to join from her dashboard; two members vouch and
she is in. She joins a circle, starts a thread with a content note (closed until she opens
it) and replies as "a member of this circle": another member sees only that, the peer
moderator sees her name, marked for moderators. She asks a member for mentoring on
pricing; he says yes and they write to each other. A member with a booking request
suggests her; she says yes; the organization (two-step sign-in) sees the suggestion and
sends her the same request, which she then finds among her bookings. The organization's
pages never mention the circle. axe-core checks each new kind of page on the way.
"""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from playwright.sync_api import expect

from circle.enums import MemberStatus, MentoringSide, MentoringTopic
from circle.models import Member, MentoringInterest, Mentorship, Referral
from networking.models import Booking
from networking.services.bookings import booking_request
from tests.circle.test_forum_world import join, make_circle, make_member
from tests.e2e.conftest import axe_violations, url
from tests.e2e.test_networking_journey import People
from tests.e2e.test_portfolio_journey import screenshot_on_failure
from tests.factories import (
    ConsultantFactory,
    OrganizationFactory,
    member_of,
    published_profile,
)
from tests.networking.conftest import booking_fields

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

VIEWPORT = {"width": 1366, "height": 900}
CIRCLE_WORD = re.compile(r"circle", re.IGNORECASE)


class Laptops(People):
    """Each person in a browser of their own, all at a laptop's width."""

    def _new_page(self):
        page = super()._new_page()
        page.set_viewport_size(VIEWPORT)
        return page


def _no_violations(page, where):
    violations = axe_violations(page)
    assert violations == [], (where, violations)


def _nothing_of_the_circle(page, where):
    """What the organization is shown: not the word, not an address under /circle/."""
    assert "/circle/" not in page.url.lower(), where
    html = page.content()
    assert CIRCLE_WORD.findall(html) == [], where


@pytest.mark.slow
def test_let_in_by_vouching_posting_mentored_and_referred(page, browser, live_server):
    page.set_viewport_size(VIEWPORT)
    people = Laptops(browser, page, live_server)
    try:
        _journey(people, live_server)
    except Exception:
        for n, shown in enumerate([page, *people.pages.values()]):
            screenshot_on_failure(shown, f"circle-journey-{n}")
        raise
    finally:
        people.close()


def _journey(people, live_server):
    # 1. The world, made through the services: two members of "New to speaking" (Rosa
    #    a peer moderator; Ben a speaker with a request from a verified organization
    #    whose member uses two-step verification), a third member who mentors on pricing,
    #    and Noor, a consultant with a public profile who is not a member.
    rosa = make_member("Rosa Calder", moderator=True)
    ben = make_member("Ben Okafor")
    mina = make_member("Mina Osei")
    MentoringInterest.objects.create(
        user=mina, side=MentoringSide.OFFER, topic=MentoringTopic.PRICING
    )
    speaking = make_circle("New to speaking", "new-to-speaking")
    join(rosa, speaking)
    join(ben, speaking)
    published_profile(ben, title="Ben Okafor")
    noor = ConsultantFactory()
    published_profile(noor, title="Noor Haddad")
    organization = OrganizationFactory(name="Lakeside Learning Trust")
    dana = member_of(organization, mfa=False)
    dana_secret = generate_totp_secret()
    TOTP.activate(dana, dana_secret)
    booking = booking_request(actor=dana, consultant=ben, **booking_fields())
    assert booking.state == "requested"
    booking_path = f"/network/bookings/{booking.pk}/"

    # 2. Noor finds the circle on her dashboard and asks to join.
    page = people.page_for(noor)
    page.get_by_role("link", name="Go to the circle").click()
    page.wait_for_url(re.compile(r"/circle/$"))
    assert page.get_by_label("Name shown to other members").input_value() == "Noor Haddad"
    _no_violations(page, "circle landing")
    page.get_by_label("A few words for whoever lets you in (optional)").fill(
        "Rosa and I met at the Toronto summit."
    )
    page.get_by_role("button", name="Ask to join").click()
    page.get_by_text("Your request to join is waiting").wait_for()
    _no_violations(page, "waiting")
    assert Member.objects.get(user=noor).status == MemberStatus.APPLIED

    # Rosa vouches, then Ben: two members' word lets her in.
    page = people.page_for(rosa)
    page.get_by_role("link", name="Go to the circle").click()
    page.get_by_role("link", name="People asking to join").click()
    page.get_by_text("Rosa and I met at the Toronto summit.").wait_for()
    _no_violations(page, "applicants")
    page.get_by_role("button", name="Vouch Noor Haddad").click()
    page.get_by_text("Thank you. Your word for Noor Haddad counts.").wait_for()
    page = people.page_for(ben)
    page.get_by_role("link", name="Go to the circle").click()
    page.get_by_role("link", name="People asking to join").click()
    page.get_by_role("button", name="Vouch Noor Haddad").click()
    page.get_by_text("Thank you. Noor Haddad is now a member.").wait_for()
    assert Member.objects.get(user=noor).status == MemberStatus.ACTIVE

    page = people.page_for(noor)
    page.reload()
    page.get_by_role("heading", name="Your circles").wait_for()
    _no_violations(page, "circle home")

    # 3. She joins "New to speaking" and starts a thread with a content note.
    page.get_by_role("link", name="New to speaking").click()
    page.get_by_role("button", name="Join this circle").click()
    page.get_by_role("link", name="Start a thread").click()
    page.get_by_role("heading", name="Start a thread").wait_for()
    _no_violations(page, "new thread")
    page.get_by_label("Title").fill("My first paid talk")
    page.get_by_label("Your post").fill("I said yes to a fee that was far too low.")
    page.get_by_label("Content note (optional)").fill("Money worries")
    page.get_by_role("button", name="Post the thread").click()
    page.get_by_role("heading", name="My first paid talk").wait_for()
    opening = page.locator("article").first
    # The post's own details; the author's "Delete" is another (a confirmation).
    note = opening.locator("details").filter(has_text="Content note: Money worries")
    summary = note.locator("summary")
    assert note.count() == 1
    assert note.get_attribute("open") is None
    expect(opening.get_by_text("far too low")).not_to_be_visible()
    summary.click()
    opening.get_by_text("far too low").wait_for(state="visible")
    assert note.get_attribute("open") == ""
    _no_violations(page, "thread")

    # She replies as "a member of this circle".
    page.get_by_label("Your post").fill("Next time I will ask what their budget is first.")
    page.get_by_label('Post as "a member of this circle" instead of your name').check()
    page.get_by_role("button", name="Post the reply").click()
    page.get_by_text("Next time I will ask what their budget is first.").wait_for()
    thread_url = page.url

    # Ben (a member) sees "A member of this circle"; Rosa (a moderator) sees who.
    page = people.page_for(ben)
    page.goto(thread_url)
    reply = page.locator("article").nth(1)
    reply.get_by_text("Next time I will ask").wait_for()
    assert "A member of this circle" in reply.inner_text()
    assert "Noor" not in reply.inner_text()
    assert "shown to moderators only" not in page.content()
    page = people.page_for(rosa)
    page.goto(thread_url)
    reply = page.locator("article").nth(1)
    reply.get_by_text("A member of this circle (Noor Haddad, shown to moderators only)").wait_for()

    # 4. Noor asks for a mentor on pricing; Mina is suggested, asked, and says yes.
    page = people.page_for(noor)
    page.goto(url(live_server, "/circle/"))
    page.get_by_role("link", name="Offer or ask for mentoring").click()
    page.get_by_role("group", name="Topics I would like a mentor for").get_by_label(
        "Pricing"
    ).check()
    page.get_by_role("button", name="Save my topics").click()
    page.get_by_text("Your mentoring topics were saved.").wait_for()
    _no_violations(page, "mentoring")
    page.get_by_role("link", name="Ask Mina Osei to mentor you").click()
    page.get_by_role("heading", name="Ask Mina Osei to mentor you").wait_for()
    _no_violations(page, "mentoring request")
    page.get_by_label("Topic:", exact=True).select_option(label="Pricing")
    page.get_by_label("A few words about what you hope for").fill(
        "How do you answer when they ask you to speak for free?"
    )
    page.get_by_role("button", name="Send the request").click()
    page.get_by_role("heading", name="Mentored by Mina Osei").wait_for()

    page = people.page_for(mina)
    page.goto(url(live_server, "/circle/mentoring/"))
    page.get_by_role("link", name="Mentoring Noor Haddad").click()
    page.get_by_text("speak for free").wait_for()
    page.get_by_role("button", name="Yes, mentor them").click()
    page.get_by_label("Your message").fill("Gladly. Tell me about the last offer you had.")
    _no_violations(page, "mentorship")
    page.get_by_role("button", name="Send", exact=True).click()
    page.get_by_text("Tell me about the last offer you had.").wait_for()

    page = people.page_for(noor)
    page.reload()
    page.get_by_text("Tell me about the last offer you had.").wait_for()
    page.get_by_label("Your message").fill("A school, for a morning, with no fee at all.")
    page.get_by_role("button", name="Send", exact=True).click()
    page.get_by_text("with no fee at all.").wait_for()
    page = people.page_for(mina)
    page.reload()
    page.get_by_text("with no fee at all.").wait_for()
    mentorship = Mentorship.objects.get()
    assert (mentorship.mentor, mentorship.mentee, mentorship.status) == (mina, noor, "active")
    assert mentorship.messages.count() == 2

    # 5. Ben cannot take the organization's request and suggests Noor.
    page = people.page_for(ben)
    page.goto(url(live_server, booking_path))
    page.get_by_role("link", name="Suggest another speaker").click()
    page.get_by_label("Member to suggest").wait_for()
    _no_violations(page, "suggest another speaker")
    page.get_by_label("Member to suggest").select_option(label="Noor Haddad")
    page.get_by_label("A note for the member you suggest (optional)").fill(
        "You speak about this better than I do."
    )
    page.get_by_role("button", name="Send the suggestion").click()
    page.wait_for_url(re.compile(re.escape(booking_path) + "$"))
    page.get_by_text("Your suggestion was sent.").wait_for()

    # Noor reads the terms in the circle and says yes.
    page = people.page_for(noor)
    page.goto(url(live_server, "/circle/"))
    page.get_by_role("link", name="Offer or ask for mentoring").click()
    page.get_by_role("heading", name="Requests you were suggested for").wait_for()
    page.get_by_role("link", name=booking.title).click()
    page.get_by_text("You speak about this better than I do.").wait_for()
    assert page.get_by_text(booking.venue).count() == 0
    _no_violations(page, "referral")
    page.get_by_role("button", name="Yes, they may suggest me").click()
    page.get_by_text("The organization now sees the suggestion and chooses.").wait_for()
    assert Referral.objects.get().status == "offered"

    # The organization (two-step sign-in) sees the suggestion, never the circle.
    page = people.page_for(dana, dana_secret)
    _nothing_of_the_circle(page, "organization dashboard")
    page.goto(url(live_server, booking_path))
    page.get_by_role("heading", name="Another speaker was suggested").wait_for()
    assert page.get_by_role("link", name="Noor Haddad").count() == 1
    page.get_by_text("Ben Okafor suggested").wait_for()
    _nothing_of_the_circle(page, "organization booking")
    _no_violations(page, "organization booking")
    page.get_by_role("link", name="Send them this request").click()
    page.get_by_role("heading", name="Send Noor Haddad this request?").wait_for()
    _nothing_of_the_circle(page, "choose")
    _no_violations(page, "choose")
    page.get_by_label("I have read the consultant's boundaries above").check()
    page.get_by_role("button", name="Send them this request").click()
    page.get_by_text("Your request was sent.").wait_for()
    _nothing_of_the_circle(page, "the new request")
    new_booking = Booking.objects.get(consultant=noor)
    assert page.url == url(live_server, f"/network/bookings/{new_booking.pk}/")
    for path in ("/network/bookings/", booking_path, "/network/notifications/", "/dashboard/"):
        page.goto(url(live_server, path))
        _nothing_of_the_circle(page, path)

    # Noor has the organization's request among her bookings.
    page = people.page_for(noor)
    page.goto(url(live_server, "/network/bookings/"))
    item = page.get_by_role("listitem").filter(has=page.get_by_role("link", name=booking.title))
    assert item.count() == 1
    assert "Lakeside Learning Trust" in item.inner_text()
    assert (new_booking.state, new_booking.organization, new_booking.requested_by) == (
        "requested",
        organization,
        dana,
    )
    assert Referral.objects.get().new_booking == new_booking

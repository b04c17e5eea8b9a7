"""The circle's forum in a real browser: no WCAG 2.2 AA violations found by axe, no
sideways scroll on a 390 px phone even with a long address, a content note opened from
the keyboard, and forms laid out like the rest of the site."""

import pytest
from playwright.sync_api import expect

from circle.models import Mentorship
from tests.circle.mentoring_people import circle_member
from tests.circle.test_forum_world import join, make_circle, make_member, reply, start
from tests.e2e.conftest import axe_violations, sign_in, url

pytestmark = [
    pytest.mark.browser,
    # Real transactions: the live server answers the browser on its own thread and connection.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_forum_pages_are_accessible_and_fit_a_phone(page, live_server):
    circle = make_circle("New to speaking", "new-to-speaking")
    make_circle("Pricing and contracts", "pricing")
    ana, ben = make_member("Ana Reyes"), make_member("Ben Okafor")
    join(ana, circle)
    join(ben, circle)
    thread = start(ben, circle, title="My first keynote", body="It went well.")
    reply(
        ben,
        thread,
        body="Notes: https://example.org/" + "very-long-path-" * 20,
        content_note="A hard memory",
        as_member=True,
    )
    sign_in(page, live_server, ana)
    page.set_viewport_size({"width": 390, "height": 800})
    for path in (
        "/circle/circles/",
        f"/circle/c/{circle.slug}/",
        "/circle/c/pricing/",
        f"/circle/c/{circle.slug}/new/",
        "/circle/search/?q=keynote",
        "/circle/settings/",
        f"/circle/t/{thread.pk}/",
    ):
        page.goto(url(live_server, path))
        assert axe_violations(page) == [], path
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (path, width)
    note = page.locator("article details")
    assert note.locator("summary").inner_text() == "Content note: A hard memory"
    assert note.get_attribute("open") is None
    expect(page.get_by_text("Notes: https://example.org/")).not_to_be_visible()
    note.locator("summary").focus()
    page.keyboard.press("Enter")
    assert note.get_attribute("open") == ""
    expect(page.get_by_text("Notes:")).to_be_visible()
    link = page.locator('article a[rel="nofollow noopener noreferrer ugc"]')
    assert link.get_attribute("href") == "https://example.org/" + "very-long-path-" * 20
    assert link.get_attribute("target") is None
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_a_secondary_answer_looks_secondary_and_a_checkbox_stays_off_the_send_button(
    page, live_server
):
    circle = make_circle("New to speaking", "new-to-speaking")
    mentor = circle_member(name="Bea", offers=["pricing"])
    mentee = circle_member(name="Ada", asks=["pricing"])
    join(mentor, circle)
    thread = start(mentor, circle, title="My first keynote", body="It went well.")
    mentorship = Mentorship.objects.create(
        mentor=mentor, mentee=mentee, topic="pricing", message="Rates?"
    )
    sign_in(page, live_server, mentor)
    page.set_viewport_size({"width": 390, "height": 800})

    page.goto(url(live_server, f"/circle/mentoring/{mentorship.pk}/"))

    def background(name):
        button = page.get_by_role("button", name=name)
        return button.evaluate("button => getComputedStyle(button).backgroundColor")

    assert background("No, not now") != background("Yes, mentor them")

    page.goto(url(live_server, f"/circle/t/{thread.pk}/"))
    checkbox = page.get_by_label('Post as "a member of this circle" instead of your name')
    send = page.get_by_role("button", name="Post the reply")
    assert (
        checkbox.bounding_box()["y"] + checkbox.bounding_box()["height"]
        < (send.bounding_box()["y"])
    )


# Every checkbox rendered as Django's field group (label, hint, then the box), with where
# its box and the text of its label and hint stand.
CHECKBOX_PLACES = """() => [...document.querySelectorAll('form div > input[type=checkbox]')]
  .filter(box => box.parentElement.querySelector(':scope > label'))
  .map(box => {
    const row = box.parentElement;
    const place = element => {
      if (!element) return null;
      if (element === box) return box.getBoundingClientRect().toJSON();
      const text = document.createRange();
      text.selectNodeContents(element);
      return {...text.getBoundingClientRect().toJSON(), line: text.getClientRects()[0].toJSON()};
    };
    return {
      name: box.name, box: place(box), label: place(row.querySelector(':scope > label')),
      hint: place(row.querySelector(':scope > .helptext')),
    };
  })"""


@pytest.mark.parametrize("width", [390, 1366])
def test_a_checkbox_stands_before_its_label_with_its_hint_below(page, live_server, width):
    circle = make_circle("New to speaking", "new-to-speaking")
    bea = make_member("Bea Lund")
    join(bea, circle)
    thread = start(bea, circle, title="My first keynote", body="It went well.")
    sign_in(page, live_server, bea)
    page.set_viewport_size({"width": width, "height": 800})

    found = []
    for path in (f"/circle/t/{thread.pk}/", "/circle/settings/"):
        page.goto(url(live_server, path))
        for place in page.evaluate(CHECKBOX_PLACES):
            box, label, hint = place["box"], place["label"], place["hint"]
            found.append(place["name"])
            assert box["right"] <= label["left"], place
            middle = (box["top"] + box["bottom"]) / 2
            assert label["line"]["top"] <= middle <= label["line"]["bottom"], place
            if hint is not None:  # a checkbox may come without a hint
                assert hint["top"] >= max(box["bottom"], label["bottom"]) - 1, place
                assert hint["left"] >= label["left"] - 1, place
    assert found == ["as_member", "wants_digest"]

"""axe-core finds no WCAG 2.2 AA violations on each page type of the foundation."""

import pytest

from tests.e2e.conftest import axe_violations, sign_in, url

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize(
    "path", ["/", "/accounts/signup/", "/accounts/login/", "/accounts/password/reset/", "/x/"]
)
def test_public_pages_have_no_violations(page, live_server, path):
    page.goto(url(live_server, path))
    assert axe_violations(page) == []


@pytest.mark.parametrize(
    "path",
    [
        "/dashboard/",
        "/dashboard/videos/",
        "/dashboard/testimonials/",
        "/accounts/2fa/",
        "/accounts/sessions/",
    ],
)
def test_member_pages_have_no_violations(page, live_server, consultant, path):
    sign_in(page, live_server, consultant)
    page.goto(url(live_server, path))
    assert axe_violations(page) == []


def test_a_form_with_errors_has_no_violations(page, live_server):
    page.goto(url(live_server, "/accounts/signup/"))
    page.get_by_role("button", name="Sign Up").click()
    assert axe_violations(page) == []


def test_the_axe_check_can_fail(page, live_server):
    page.goto(url(live_server, "/"))
    page.evaluate("document.querySelector('main').appendChild(document.createElement('img'))")
    assert [v["id"] for v in axe_violations(page)] == ["image-alt"]

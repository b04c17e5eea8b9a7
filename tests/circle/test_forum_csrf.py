"""Every forum form carries its CSRF token, so a real browser can send it.

Django's test client skips the CSRF check unless asked; these tests ask, and send each
form with the token read from the page, as a browser does.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from circle.models import Member, Participation, Post, Thread
from tests.circle.test_forum_world import join, make_circle, make_member, start

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def browser_like():
    """A client that checks CSRF tokens, as the site does for a browser."""
    return Client(enforce_csrf_checks=True)


@pytest.fixture
def circle():
    return make_circle("New to speaking", "new-to-speaking")


@pytest.fixture
def ana(circle):
    user = make_member("Ana Reyes")
    join(user, circle)
    return user


def _token(client, path, marker: str) -> list[str]:
    """The tokens inside the form that holds `marker` (a field's name="..." or the
    form's action="..."): the page's other forms, signing out say, carry their own,
    which the browser does not send with this one."""
    response = client.get(path)
    assert response.status_code == 200
    forms = re.findall(r"<form\b.*?</form>", response.content.decode(), re.DOTALL)
    [form] = [form for form in forms if marker in form]
    return TOKEN.findall(form)


def test_starting_a_thread_from_the_page(browser_like, circle, ana):
    browser_like.force_login(ana)
    path = reverse("circle:thread_new", args=[circle.slug])
    [token] = _token(browser_like, path, 'name="body"')
    response = browser_like.post(
        path, {"csrfmiddlewaretoken": token, "title": "My first talk", "body": "It went well."}
    )
    thread = Thread.objects.get()
    assert (response.status_code, response["Location"]) == (
        302,
        reverse("circle:thread", args=[thread.pk]),
    )


def test_editing_a_post_from_the_page(browser_like, circle, ana):
    thread = start(ana, circle, title="My first talk", body="It went well.")
    post = Post.objects.get(thread=thread)
    browser_like.force_login(ana)
    path = reverse("circle:post_edit", args=[post.pk])
    [token] = _token(browser_like, path, 'name="body"')
    response = browser_like.post(
        path, {"csrfmiddlewaretoken": token, "title": "My first talk", "body": "It went fine."}
    )
    post.refresh_from_db()
    assert (response.status_code, post.body) == (302, "It went fine.")


def test_changing_the_circle_settings_from_the_page(browser_like, ana):
    browser_like.force_login(ana)
    path = reverse("circle:settings")
    [token] = _token(browser_like, path, 'name="name"')
    response = browser_like.post(path, {"csrfmiddlewaretoken": token, "name": "Ana R."})
    assert (response.status_code, Member.objects.get(user=ana).name) == (302, "Ana R.")


def test_deleting_a_post_from_the_thread(browser_like, circle, ana):
    thread = start(ana, circle, title="My first talk", body="It went well.")
    post = Post.objects.get(thread=thread)
    browser_like.force_login(ana)
    action = reverse("circle:post_delete", args=[post.pk])
    [token] = _token(browser_like, reverse("circle:thread", args=[thread.pk]), action)
    response = browser_like.post(action, {"csrfmiddlewaretoken": token})
    post.refresh_from_db()
    assert (response.status_code, post.removed_at is not None) == (302, True)


def test_leaving_a_circle_from_its_page(browser_like, circle, ana):
    browser_like.force_login(ana)
    action = reverse("circle:circle_leave", args=[circle.slug])
    [token] = _token(browser_like, reverse("circle:circle", args=[circle.slug]), action)
    response = browser_like.post(action, {"csrfmiddlewaretoken": token})
    assert (response.status_code, Participation.objects.filter(user=ana).count()) == (302, 0)

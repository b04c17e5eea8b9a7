"""Plain text with safe links (the circle_text filter), and hostile text through every
forum field: a clear answer, never a 500, nothing written when refused, nothing run."""

import uuid

import pytest
from django.core.cache import cache
from django.urls import reverse

from circle.models import Member, Post, Thread
from circle.templatetags.circle_text import circle_text
from tests.circle.test_forum_world import join, make_circle, make_member, start
from tests.factories import ConsultantFactory

LINK = '<a href="{0}" rel="nofollow noopener noreferrer ugc">{0}</a>'


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("plain", "<p>plain</p>"),
        ("one\ntwo\n\nthree", "<p>one<br>two</p><p>three</p>"),
        (
            "see https://example.org/a?b=1&c=2.",
            f"<p>see {LINK.format('https://example.org/a?b=1&amp;c=2')}.</p>",
        ),
        ("(http://example.org/x)", f"<p>({LINK.format('http://example.org/x')})</p>"),
        ("HTTPS://EXAMPLE.ORG", f"<p>{LINK.format('HTTPS://EXAMPLE.ORG')}</p>"),
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
        ("javascript:alert(1)", "<p>javascript:alert(1)</p>"),
        ("JaVaScRiPt:alert(1)//https", "<p>JaVaScRiPt:alert(1)//https</p>"),
        ("data:text/html;base64,PHNjcmlwdD4=", "<p>data:text/html;base64,PHNjcmlwdD4=</p>"),
        ("vbscript:msgbox(1)", "<p>vbscript:msgbox(1)</p>"),
        ("ftp://example.org/file", "<p>ftp://example.org/file</p>"),
        ("//example.org/protocol-relative", "<p>//example.org/protocol-relative</p>"),
        ("www.example.org", "<p>www.example.org</p>"),
        ("http:///no-host", "<p>http:///no-host</p>"),
        (
            'http://x.org/"onmouseover="alert(1)',
            f"<p>{LINK.format('http://x.org/')}&quot;onmouseover=&quot;alert(1)</p>",
        ),
        (
            "http://x.org/<img src=x onerror=alert(1)>",
            f"<p>{LINK.format('http://x.org/')}&lt;img src=x onerror=alert(1)&gt;</p>",
        ),
        (
            "<a href='javascript:alert(1)'>x</a>",
            "<p>&lt;a href=&#x27;javascript:alert(1)&#x27;&gt;x&lt;/a&gt;</p>",
        ),
        ("https://\u202eevil.org", "<p>https://\u202eevil.org</p>"),
        ("&lt;b&gt;", "<p>&amp;lt;b&amp;gt;</p>"),
        ("", ""),
        (None, ""),
    ],
)
def test_circle_text_escapes_everything_and_links_only_http_addresses(text, html):
    assert str(circle_text(text)) == html


def test_circle_text_leaves_very_long_addresses_as_text():
    address = "https://example.org/" + "a" * 2100
    assert str(circle_text(address)) == f"<p>{address}</p>"


HOSTILE = [
    "<script>alert('circle')</script>",
    "' OR 1=1 --",
    "line\r\nBcc: everyone@example.org",
    "\u200fRTL mark and \u200eLTR mark",
    "ليلى حداد",
    "שירה כהן",
    "😀" * 50,
    "{{ request.user.email }}",
    "{% debug %}",
    "javascript:alert(1)",
]
# Direction overrides, embeddings and isolates reorder the rest of their line.
REFUSED = ["", " ", "\x00", "bad\x07bell", "a" * 9000, "\u202eevil", "a\u2066b", "c\u202ad"]


@pytest.fixture
def ana(db):
    circle = make_circle("New to speaking", "new-to-speaking")
    user = make_member("Ana Reyes")
    join(user, circle)
    return user


@pytest.mark.django_db
@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_through_every_field_is_kept_as_text(client, ana, text):
    client.force_login(ana)
    fields = {
        "title": text[:160],
        "body": text,
        "content_note": text[:160],
        "as_member": "on",
        "send_key": str(uuid.uuid4()),
    }
    response = client.post(reverse("circle:thread_new", args=["new-to-speaking"]), fields)
    assert response.status_code == 302
    thread = Thread.objects.get()
    html = client.get(response.url).content.decode()
    assert "<script>alert" not in html
    assert "javascript:alert(1)</a>" not in html
    assert 'href="javascript' not in html
    assert ana.email not in html
    client.post(response.url, {"body": text, "content_note": text[:160]})
    client.post(reverse("circle:post_edit", args=[thread.posts.first().pk]), fields)
    assert Post.objects.count() == 2
    response = client.post(reverse("circle:settings"), {"name": text[:120]})
    assert response.status_code == 302
    assert Member.objects.get(user=ana).name == " ".join(text[:120].split())
    assert "<script>alert" not in client.get(reverse("circle:settings")).content.decode()
    assert client.get(reverse("circle:search"), {"q": text[:100]}).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("text", REFUSED)
def test_refused_text_in_every_field_writes_nothing(client, ana, text):
    client.force_login(ana)
    thread = start(ana, ana.circle_participations.get().circle)
    post = thread.posts.get()
    url_new = reverse("circle:thread_new", args=["new-to-speaking"])
    for data in (
        {"title": text, "body": "fine"},
        {"title": "fine", "body": text},
        {"title": "fine", "body": "fine", "content_note": text if text.strip() else "x" * 200},
    ):
        assert client.post(url_new, data).status_code == 400, data
    assert (
        client.post(reverse("circle:thread", args=[thread.pk]), {"body": text}).status_code == 400
    )
    edit = client.post(reverse("circle:post_edit", args=[post.pk]), {"title": "t", "body": text})
    assert edit.status_code == 400
    assert client.post(reverse("circle:settings"), {"name": text[:200]}).status_code == 400
    assert (Thread.objects.count(), Post.objects.count()) == (1, 1)
    post.refresh_from_db()
    assert (post.body, post.edited_at) == ("How did you set your first fee?", None)
    assert Member.objects.get(user=ana).name == "Ana Reyes"


@pytest.mark.django_db
def test_too_many_posts_in_a_minute_are_refused_with_a_message(client, ana):
    client.force_login(ana)
    cache.clear()
    url = reverse("circle:thread_new", args=["new-to-speaking"])
    answers = [client.post(url, {"title": f"T{i}", "body": "b"}).status_code for i in range(11)]
    assert answers == [302] * 10 + [429]
    assert Thread.objects.count() == 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "A member of this circle",
        "a MEMBER of this circle ",
        "Un miembro de este círculo",
        "A former member",
        "A\u200b member of this circle",  # a zero-width space
        "\uff21 member of this circle",  # a full-width capital A
        "A  member\u00a0of this circle",
    ],
)
def test_a_member_cannot_take_the_name_shown_for_posts_without_one(client, ana, name):
    client.force_login(ana)
    response = client.post(reverse("circle:settings"), {"name": name})
    assert response.status_code == 400
    assert "This name cannot be used in the circle. Please choose another." in (
        response.content.decode()
    )
    assert Member.objects.get(user=ana).name == "Ana Reyes"


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["A member of this circle", "A\u200b former member", "\u202eAna"])
def test_nobody_asks_to_join_under_a_name_the_circle_uses_or_reversed(client, name):
    applicant = ConsultantFactory()
    client.force_login(applicant)
    response = client.post(reverse("circle:home"), {"name": name, "note": "Hello"})
    assert response.status_code == 400
    assert not Member.objects.filter(user=applicant).exists()

"""A link crawler over the demo site, whose crawls this package's tests share.

The crawler follows every same-origin link breadth first with Django's test client, as each
demo role, in both interface languages (the language is a cookie: Podium's addresses have
no language prefix). It reads `<a href>`, `<link href>`, `<form action>` of GET forms,
`<img src>`, `<script src>`, `<source src>`, the links of RSS and Atom feeds, the `<loc>`
entries of sitemaps and the sitemap line of robots.txt. Forms sent by POST are never
submitted.

Skipped, because following them acts rather than reads: sign-out (a POST form on the
site, but the URL answers GET too) and the language links (each would change the language
the crawl reads in). The quick exit is a plain link to another site, which is never
followed (other origins are out of scope), so it clears nothing here. The admin's
bulk-action buttons are skipped too: they sit in a hidden footer and act on the rows ticked
in a listing, whose ids script adds; without them Wagtail answers 404, and nobody can click
them that way.
"""

import re
from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit, urlunsplit
from xml.etree.ElementTree import ParseError

from defusedxml import ElementTree
from django.conf import settings
from django.test import Client
from django.urls import Resolver404, resolve, reverse

from accounts.models import User

MAX_PAGES_PER_ROLE = 1500
ADMIN_SAMPLES = 3
HOST = "testserver"
BROKEN = {404, 410}
# Resolved once the URL conf is loaded: reverse() is not available at import time.
ACTION_URL_NAMES = ("account_logout", "wagtailadmin_logout")
LINK_ATTRIBUTES = {
    "a": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "source": "src",
    "iframe": "src",
}
ROLES = {
    "anonymous": None,
    "consultant": "consultant@example.org",
    "organization": "organization@example.org",
    "editor": "editor@example.org",
}
LANGUAGES = ("en", "es")
# The pytest-xdist group of each language's crawl (tests/demo/conftest.py): one group for
# both, so that one worker loads the demo once for both crawls and every check over them.
DEMO_GROUPS = dict.fromkeys(LANGUAGES, "demo")


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            if (attrs.get("method") or "get").lower() == "get" and attrs.get("action"):
                self.links.append(attrs["action"])
            return
        if "bulk-action-btn" in (attrs.get("class") or "").split():
            return  # acts on the rows ticked in a listing; script adds their ids
        name = LINK_ATTRIBUTES.get(tag)
        if name and attrs.get(name):
            self.links.append(attrs[name])


def _xml_links(text: str) -> list[str]:
    try:
        root = ElementTree.fromstring(text)
    except ParseError:
        return []
    links = []
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1]
        if local in ("loc", "link") and element.text and element.text.strip():
            links.append(element.text.strip())
        elif local == "link" and element.get("href"):
            links.append(element.get("href"))
    return links


def is_machine_read(response) -> bool:
    """Sitemaps, feeds and robots.txt: their absolute addresses must name this host."""
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    return content_type.endswith("xml") or content_type == "text/plain"


def links_in(response) -> list[str]:
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if getattr(response, "streaming", False):
        return []
    text = response.content.decode(response.charset or "utf-8", errors="replace")
    if content_type == "text/html":
        parser = LinkParser()
        parser.feed(text)
        return parser.links
    if content_type.endswith("xml"):
        return _xml_links(text)
    if content_type == "text/plain":
        return re.findall(r"^Sitemap:\s*(\S+)", text, flags=re.MULTILINE)
    return []


def same_origin(base: str, link: str) -> str | None:
    """The path and query of a same-origin link, or None for another origin or scheme."""
    link = link.strip()
    if not link or link.startswith("#"):
        return None
    parts = urlsplit(urljoin(f"http://{HOST}{base}", link))
    if parts.scheme not in ("http", "https") or parts.netloc != HOST:
        return None
    return urlunsplit(("", "", parts.path or "/", parts.query, ""))


def visit_key(url: str, *, by_view: bool) -> str:
    """Which URLs count as the same visit.

    The admin's listings link every sort order, filter value and page number: there, one
    visit per combination of query parameters. `by_view` goes further, for roles that
    reach every object (editors): every page and image has the same edit, history and
    usage screens, so a visit is one view (its URL pattern), fetched ADMIN_SAMPLES
    times. What a consultant may reach differs from one object to the next, so their
    admin is crawled object by object. Elsewhere every URL is a visit.
    """
    parts = urlsplit(url)
    if not parts.path.startswith("/admin/"):
        return url
    names = sorted({name for name, _ in parse_qsl(parts.query, keep_blank_values=True)})
    path = parts.path
    if by_view:
        try:
            path = resolve(parts.path).route
        except Resolver404:
            return url  # fetched, so that the 404 is reported
    return f"{path}?{'&'.join(names)}"


@dataclass
class Crawl:
    problems: list[str] = field(default_factory=list)
    fetched: int = 0
    # Every HTML page answered 200, by address: what other checks read.
    pages: dict[str, str] = field(default_factory=dict)


def crawl(client: Client, start: list[str], skip: set[str], static_seen: set[str], *, by_view):
    """Breadth first from `start`.

    Static files are the same for everyone: `static_seen` is shared between crawls.
    """
    result = Crawl()
    seen = set(start)
    samples: Counter[str] = Counter()
    queue = deque((url, "(start)") for url in start)
    while queue and result.fetched < MAX_PAGES_PER_ROLE:
        url, source = queue.popleft()
        result.fetched += 1
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001 (a crawler reports every failure and goes on)
            result.problems.append(f"{source} -> {url}: {type(error).__name__}: {error}")
            continue
        status = response.status_code
        if status in BROKEN or status >= 500:
            result.problems.append(f"{source} -> {url}: {status}")
            continue
        if is_html_page(response):
            result.pages[url] = response.content.decode(response.charset or "utf-8")
        found = [response["Location"]] if 300 <= status < 400 and "Location" in response else []
        found += links_in(response) if status == 200 else []
        for link in found:
            if is_machine_read(response) and urlsplit(link).netloc not in ("", HOST):
                result.problems.append(f"{url} -> {link}: another host than the one asked")
            target = same_origin(url, link)
            if target is None or urlsplit(target).path in skip:
                continue
            key = visit_key(target, by_view=by_view)
            limit = ADMIN_SAMPLES if by_view else 1
            if target in seen or samples[key] >= limit or target in static_seen:
                continue
            seen.add(target)
            samples[key] += 1
            if target.startswith(settings.STATIC_URL):
                static_seen.add(target)
            queue.append((target, url))
    assert result.fetched < MAX_PAGES_PER_ROLE or not queue, f"more than {MAX_PAGES_PER_ROLE} pages"
    return result


def skipped_paths() -> set[str]:
    """What a crawl never follows: sign-out, and the language links (each would switch the
    language the crawl reads in). Resolved once the URL conf is loaded."""
    languages = {reverse("set_language", args=[code]) for code, _ in settings.LANGUAGES}
    return {reverse(name) for name in ACTION_URL_NAMES} | languages


def is_html_page(response) -> bool:
    content_type = response.get("Content-Type", "")
    streaming = getattr(response, "streaming", False)
    return response.status_code == 200 and content_type.startswith("text/html") and not streaming


def signed_in_client(role: str, language: str) -> Client:
    """A client in `language` for a demo role; a signed-in person has also chosen it, as
    the switcher records it (their admin and e-mails follow that choice)."""
    from allauth.mfa.models import Authenticator

    from accounts.services import user_language_set

    client = Client()
    client.cookies["django_language"] = language
    email = ROLES[role]
    if email:
        user = User.objects.get(email=email)
        user_language_set(user=user, language=language)
        if role in ("organization", "editor"):
            # The organization's work and the editor's admin both need a second factor.
            Authenticator.objects.get_or_create(user=user, type=Authenticator.Type.TOTP, data={})
        client.force_login(user)
    return client


def start_urls(role: str) -> list[str]:
    start = ["/", "/robots.txt", "/sitemap.xml", "/favicon.ico", "/speakers/", "/resources/"]
    if role != "anonymous":
        start.append("/dashboard/")
    if role in ("consultant", "editor"):
        start.append("/admin/")
    return start


def crawl_demo(language: str) -> dict[str, Crawl]:
    """Every role in `language`, from that role's start pages, by role."""
    skip = skipped_paths()
    static_seen: set[str] = set()
    crawls = {}
    for role in ROLES:
        client = signed_in_client(role, language)
        by_view = role == "editor"
        crawls[role] = crawl(client, start_urls(role), skip, static_seen, by_view=by_view)
    return crawls

"""The Spanish interface is Spanish everywhere a person reads it.

The crawl of the demo in Spanish (tests/demo/crawler.py: signed out and as each demo
role, their Wagtail admin included) is read page by page.
Every visible text node and every attribute read aloud (aria-label, alt, title,
placeholder) is compared with three lists of English:

- the msgids of every active catalogue (Podium's, Django's, Wagtail's, allauth's) whose
  Spanish differs, and Wagtail's strings that no Spanish catalogue has: such a text is a
  string that reached the page untranslated;
- the English value of every editor-kept label that has a Spanish one (navigation links,
  topics, fair-pay benchmarks, resources) and the English names of languages and
  countries: such a text is a label shown in the wrong language;
- a short stop-list of common interface words, which catches a literal never marked for
  translation at all.

Content keeps the language it was written in: a subtree marked lang="en" (a post, a bio)
is left out of the first and last checks, never of the second, because a label wrapped in
a content mark is still a label. E-mails rendered for a Spanish recipient, whoever
triggered them, get the same line by line check.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
import wagtail
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_countries import countries

from tests.demo.crawler import DEMO_GROUPS

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(DEMO_GROUPS["es"])]

# The editor's admin is Wagtail's, whose listings show page titles (content) beside labels.
ROLES_READ = ("anonymous", "consultant", "organization")
# Common interface words that must never show alone in the Spanish interface.
STOP_LIST = {
    "about",
    "dashboard",
    "get help",
    "home",
    "join podium",
    "language",
    "languages",
    "messages",
    "notifications",
    "privacy",
    "search",
    "settings",
    "sign in",
    "sign out",
    "speakers",
    "topics",
}
# Texts that read the same in both languages or are names, never interface.
SAME_IN_BOTH = {"podium", "email", "e-mail", "ok", "pdf", "rss", "atom", "ical", "no"}
READ_ALOUD = ("aria-label", "alt", "title", "placeholder")
# Literals Wagtail writes without marking them for translation, which Podium does not
# fork a whole template to fix: the hidden submit button of the admin's page search.
WAGTAIL_LITERALS = {"Search"}
WORD = re.compile(r"[A-Za-z]")


class TextParser(HTMLParser):
    """Visible text and attributes read aloud, each with the language it is marked in."""

    SKIPPED = {"script", "style", "template", "noscript"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, bool]] = []
        self.texts: list[tuple[str, str]] = []

    def _language(self) -> str:
        for _tag, lang, _skip in reversed(self.stack):
            if lang:
                return lang.split("-")[0].lower()
        return ""

    def _skipping(self) -> bool:
        return any(skip for _tag, _lang, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        hidden = "hidden" in attrs or attrs.get("aria-hidden") == "true"
        if tag not in self.VOID:
            self.stack.append((tag, attrs.get("lang"), tag in self.SKIPPED or hidden))
        if self._skipping() or hidden:
            return
        language = (attrs.get("lang") or self._language()).split("-")[0].lower()
        for name in READ_ALOUD:
            if attrs.get(name):
                self.texts.append((attrs[name], language))
        if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
            self.texts.append((attrs["value"], language))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        if not self._skipping() and data.strip():
            self.texts.append((data, self._language()))


def normal(text: str) -> str:
    return " ".join(text.split()).strip(" :·,.")


def catalogue_english() -> set[str]:
    """Every msgid, of every catalogue Spanish is built from, whose Spanish differs.

    A word that is also the Spanish of something ("Panel" is the Spanish of "Dashboard"
    and the English of another catalogue's "Panel") is left out: it is Spanish here.
    """
    catalog = translation.trans_real.translation("es")._catalog
    english, spanish_words = set(), set()
    for key, spanish in catalog.items():
        spanish_words.add(normal(spanish))
        msgid = key[0] if isinstance(key, tuple) else key
        msgid = msgid.split("\x04")[-1]  # a context comes before the id
        if "%" in msgid or "{" in msgid or not WORD.search(msgid):
            continue  # placeholders never appear as such on a page
        if normal(msgid) and normal(spanish) != normal(msgid):
            english.add(normal(msgid))
    return (english | wagtail_untranslated(catalog)) - SAME_IN_BOTH - spanish_words


def wagtail_untranslated(catalog) -> set[str]:
    """Wagtail's own strings that no Spanish catalogue translates (Wagtail's Spanish is far
    from complete). The list of Wagtail's strings is read from its French catalogues, which
    are complete; the string itself is what the admin shows when Spanish lacks it."""
    translated = {normal(key if isinstance(key, str) else key[0]) for key, _text in catalog.items()}
    root = Path(wagtail.__file__).parent
    english = set()
    for path in root.glob("**/locale/fr/LC_MESSAGES/django.po"):
        for entry in polib.pofile(str(path)):
            if "%" in entry.msgid or "{" in entry.msgid or not WORD.search(entry.msgid):
                continue
            if normal(entry.msgid) not in translated:
                english.add(normal(entry.msgid))
    return english


def label_english() -> set[str]:
    """The English of editor-kept labels that have a Spanish value, and of list names."""
    from cms.models import Resource
    from core.models import SiteSettings
    from portfolio.models import Topic

    english = set()
    site = SiteSettings.load()
    for block in [*site.header_links, *site.footer_links]:
        if block.value.get("label_es") and block.value["label_es"] != block.value["label"]:
            english.add(normal(block.value["label"]))
    for block in site.fair_pay_benchmarks:
        if block.value.get("label_es") and block.value["label_es"] != block.value["label"]:
            english.add(normal(block.value["label"]))
    for model, fields in ((Topic, ("name",)), (Resource, ("name", "hours", "region"))):
        for row in model.objects.all():
            for field in fields:
                spanish = getattr(row, f"{field}_es", "")
                if spanish and spanish != getattr(row, field):
                    english.add(normal(getattr(row, field)))
    with translation.override("en"):
        english_countries = {normal(name) for _code, name in countries}
    with translation.override("es"):
        spanish_countries = {normal(name) for _code, name in countries}
    english |= english_countries - spanish_countries
    return english - SAME_IN_BOTH - {""}


def language_names_english() -> set[str]:
    """English names of languages; a name marked as written in English ("English" in the
    language switcher, which names each language in itself) is right where it is."""
    names = set()
    with translation.override("es"):
        for info in translation.trans_real.LANG_INFO.values():
            english = info.get("name")
            # An endonym is right anywhere; so is a name Spanish writes the same ("Hindi").
            if english and english != info.get("name_local") and gettext(english) != english:
                names.add(normal(english))
    return names


def english_in(
    html: str, *, catalogue: set[str], labels: set[str], names: set[str], allowed=frozenset()
) -> list[str]:
    parser = TextParser()
    parser.feed(html)
    found = []
    for raw, language in parser.texts:
        text = normal(raw)
        if not text or text in allowed:
            continue
        if text in labels:
            found.append(f"label {text!r}")
        elif language == "en":
            continue  # content written in English, marked as such
        elif text in names:
            found.append(f"language name {text!r}")
        elif text in catalogue:
            found.append(f"untranslated {text!r}")
        elif text.lower() in STOP_LIST:
            found.append(f"English word {text!r}")
    return found


@pytest.mark.slow
def test_the_spanish_site_has_no_english_interface_left(crawled_es):
    catalogue, labels, names = catalogue_english(), label_english(), language_names_english()
    assert {"Sign in", "Speakers"} <= catalogue  # the lists can catch something
    problems = []
    for role in ROLES_READ:
        pages = crawled_es[role].pages
        assert len(pages) > 10, f"{role}: only {len(pages)} pages"
        for url, html in pages.items():
            allowed = WAGTAIL_LITERALS if url.startswith("/admin/") else set()
            problems += [
                f"[{role}] {url}: {found}"
                for found in english_in(
                    html, catalogue=catalogue, labels=labels, names=names, allowed=allowed
                )
            ]
    problems = sorted(set(problems))
    assert problems == [], f"{len(problems)} English texts:\n" + "\n".join(problems)


def _english_lines(body: str, catalogue: set[str]) -> list[str]:
    return [line for line in body.splitlines() if normal(line) in catalogue]


@pytest.mark.usefixtures("on_commit_runs")
def test_emails_to_a_spanish_reader_are_in_spanish_whoever_sends_them():
    from allauth.account.models import EmailAddress

    from networking.services.notifications import notify
    from tests.factories import ConsultantFactory

    reader = ConsultantFactory(email="lectora@example.org")
    reader.language = "es"
    reader.save(update_fields=["language"])
    EmailAddress.objects.update_or_create(
        user=reader, email=reader.email, defaults={"verified": True, "primary": True}
    )
    catalogue = catalogue_english()
    mail.outbox.clear()

    # An English-speaking organization triggers the notification; so does the worker,
    # which runs in English: the e-mail follows the reader.
    with translation.override("en"):
        notify(user=reader, event_key="test:es", text="There is news about a booking.", url="/")
    # The reader asks for a password reset from a browser that is in English.
    client = Client()
    client.cookies["django_language"] = "en"
    client.post(reverse("account_reset_password"), {"email": reader.email})

    assert len(mail.outbox) == 2
    for message in mail.outbox:
        assert _english_lines(message.subject, catalogue) == []
        assert _english_lines(message.body, catalogue) == [], message.body
        assert "Hola" in message.body, message.body

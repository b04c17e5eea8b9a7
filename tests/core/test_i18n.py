"""The interface in English and Spanish; content stays in the language it was written in."""

import re
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

from tests.conftest import service_missing

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")

# One pytest-xdist worker runs them all: one test rewrites the catalogue (makemessages)
# that the others read.
pytestmark = pytest.mark.xdist_group("catalogue")


def test_every_string_in_the_catalogue_is_translated_and_compiled():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    compiled = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(CATALOGUE / "django.mo"))}
    for entry in po:
        translated = [entry.msgstr] if not entry.msgid_plural else entry.msgstr_plural.values()
        for text in translated:
            # Spanish may drop the number in the singular ("Hay algo nuevo"), never add one.
            assert set(PLACEHOLDER.findall(text)) <= set(
                PLACEHOLDER.findall(entry.msgid + entry.msgid_plural)
            ), entry.msgid
        mo_entry = compiled.get((entry.msgctxt, entry.msgid))
        assert mo_entry is not None, f"run `make messages`: {entry.msgid!r} is not compiled"
        assert (mo_entry.msgstr or mo_entry.msgstr_plural) == (
            entry.msgstr or entry.msgstr_plural
        ), f"run `make messages`: {entry.msgid!r} changed"


def test_no_interface_string_is_missing_from_the_catalogue(tmp_path):
    """Extract the strings afresh from the code; each must already have its Spanish.

    makemessages writes where the sources are, so the catalogue is kept aside and put back.
    """
    if not shutil.which("xgettext"):
        service_missing("gettext (apt-get install gettext)")
    kept = tmp_path / "django.po"
    shutil.copy(CATALOGUE / "django.po", kept)
    try:
        call_command(
            "makemessages",
            locale=["es"],
            ignore_patterns=[".venv", "staticfiles", "tests", "bench"],
            no_location=True,
            verbosity=0,
        )
        po = polib.pofile(str(CATALOGUE / "django.po"))
    finally:
        shutil.copy(kept, CATALOGUE / "django.po")
    missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert missing == [], "translate these in locale/es, then `make messages`"


def test_templates_have_no_text_outside_translation_tags():
    leftovers = {}
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        text = template.read_text()
        for pattern in (
            r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}",
            r"{#.*?#}",
            r"{%\s*comment\s*%}.*?{%\s*endcomment\s*%}",
            r"<script.*?</script>",
            r"{%.*?%}",
            r"{{.*?}}",
            r"<[^>]*>",
        ):
            text = re.sub(pattern, " ", text, flags=re.S)
        words = re.findall(r"[A-Za-z]{2,}[^\n]*", text)
        if words:
            leftovers[template.name] = words
    assert leftovers == {}


@pytest.mark.django_db
def test_a_spanish_browser_gets_the_interface_in_spanish_and_the_content_as_written(client):
    text = client.get("/about/", headers={"accept-language": "es-MX,es;q=0.9"}).content.decode()
    assert '<html lang="es">' in text
    assert "Salida rápida" in text
    assert "¿Necesita ayuda ahora?" in text
    # The page's title is navigation and has its Spanish; its text is content, as written.
    assert '<h1 lang="es">Acerca de Podium</h1>' in text
    assert "Podium is where survivor-leaders of human trafficking publish" in text


@pytest.mark.django_db
def test_the_switcher_sets_the_language_and_returns_to_the_same_page(client):
    home = client.get("/speakers/").content.decode()
    assert 'action="/i18n/setlang/"' in home
    assert 'name="next"' not in home  # the page's address is never echoed
    response = client.post(
        "/i18n/setlang/", {"language": "es"}, headers={"referer": "http://testserver/speakers/"}
    )
    assert response.status_code == 302
    assert response["Location"].endswith("/speakers/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert "Salida rápida" in client.get("/speakers/").content.decode()
    client.post("/i18n/setlang/", {"language": "en", "next": "/speakers/"})
    assert "Quick exit" in client.get("/speakers/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"language": "es", "next": "https://evil.example/"},
        {"language": "es", "next": "//evil.example/"},
        {"language": "es", "referer": "https://evil.example/"},
        {"language": "xx", "next": "/"},
        {"language": "\x00", "next": "/\x00"},
        {"language": "es" * 500},
        {},
    ],
)
def test_hostile_switches_go_nowhere_else(client, data):
    referer = data.pop("referer", None)
    response = client.post("/i18n/setlang/", data, headers={"referer": referer} if referer else {})
    # A next address that stays on the site is kept (escaped); anything else goes home.
    home = "/%00" if data.get("next") == "/\x00" else "/"
    assert (response.status_code, response["Location"]) == (302, home)
    cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    assert cookie is None or cookie.value in {"en", "es"}


@pytest.mark.django_db
def test_content_is_marked_with_its_own_language_inside_a_spanish_interface(client):
    text = client.get("/about/", headers={"accept-language": "es"}).content.decode()
    assert '<article class="page narrow post" lang="en">' in text
    # An editor's menu label is shown in Spanish when they gave it, and marked so.
    assert '<a href="/about/" lang="es">Acerca de</a>' in text

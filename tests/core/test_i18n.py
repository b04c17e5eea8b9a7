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


# Words that give a person of the circle one gender in Spanish; its members are of any.
GENDERED_PERSON = re.compile(r"\b(mentora|mentoras|integrantes?|ponente sugerida)\b", re.I)


def test_the_spanish_interface_gives_members_and_mentors_no_gender():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    people = [e for e in po if re.search(r"\b(member|mentor|speaker)", e.msgid, re.I)]
    assert len(people) > 30
    assert [e.msgstr for e in people if GENDERED_PERSON.search(e.msgstr)] == []


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
def test_the_switcher_is_links_that_set_the_language_and_return_to_the_same_page(client):
    page = client.get("/speakers/").content.decode()
    # Plain links (no form, no CSRF token), marked with the language they lead to.
    assert '<a href="/language/es/" lang="es" hreflang="es" rel="nofollow">Español</a>' in page
    assert (
        '<a href="/language/en/" lang="en" hreflang="en" rel="nofollow" aria-current="true">'
        "English</a>" in page
    )
    assert "csrfmiddlewaretoken" not in page
    assert "/speakers/" not in page.split('class="site-footer__lang"')[1].split("</nav>")[0]
    response = client.get("/language/es/", headers={"referer": "http://testserver/speakers/?q=a"})
    assert (response.status_code, response["Location"]) == (302, "/speakers/?q=a")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["samesite"] == "Lax"
    # The person's own answer: no cache may keep it.
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    spanish = client.get("/speakers/").content.decode()
    assert "Salida rápida" in spanish
    current = '<a href="/language/es/" lang="es" hreflang="es" rel="nofollow" aria-current="true">'
    assert current in spanish
    client.get("/language/en/")
    assert "Quick exit" in client.get("/speakers/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "referer"),
    [
        ("/language/es/", "https://evil.example/"),
        ("/language/es/", "//evil.example/"),
        ("/language/es/", "http://testserver//evil.example/"),
        ("/language/es/", "http://testserver/\\evil.example/"),
        ("/language/es/", "/relative/only"),
        ("/language/es/", "javascript:alert(1)"),
        ("/language/es/", "http://testserver/language/en/"),
        ("/language/xx/", "http://testserver/speakers/"),
        ("/language/%00/", None),
        ("/language/" + "es" * 500 + "/", None),
    ],
)
def test_hostile_switches_go_nowhere_else(client, path, referer):
    response = client.get(path, headers={"referer": referer} if referer else {})
    home = "/speakers/" if path == "/language/xx/" else "/"
    assert (response.status_code, response["Location"]) == (302, home)
    cookie = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    assert cookie is None or cookie.value in {"en", "es"}
    if path != "/language/es/":
        assert cookie is None  # an unknown language changes nothing


@pytest.mark.django_db
def test_a_referer_with_a_non_ascii_path_comes_back_encoded(client):
    response = client.get("/language/es/", headers={"referer": "http://testserver/búsqueda/?q=ñ"})
    assert response["Location"] == "/b%C3%BAsqueda/?q=%C3%B1"


@pytest.mark.django_db
def test_content_is_marked_with_its_own_language_inside_a_spanish_interface(client):
    text = client.get("/about/", headers={"accept-language": "es"}).content.decode()
    assert '<article class="page narrow post" lang="en">' in text
    # An editor's menu label is shown in Spanish when they gave it, and marked so.
    assert '<a href="/about/" lang="es">Acerca de</a>' in text

"""Editor-kept labels in two languages.

A label an editor keeps (a menu link, a topic, the home introduction) has an English
value and an optional Spanish one in a field beside it (`name` and `name_es`). The
interface shows the Spanish one when the interface is Spanish and it is filled in, and
the English one otherwise, with `lang` telling which (WCAG 3.1.2). Content such as posts
stays in the language it was written in: that is not a label.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django_countries import countries

SPANISH = "es"


def interface_is_spanish() -> bool:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0] == SPANISH


@dataclass(frozen=True)
class Label:
    """A label in the language it is shown in; str() is the text, `lang` its language."""

    text: str
    lang: str

    def __str__(self) -> str:
        return self.text

    def __bool__(self) -> bool:
        return bool(self.text)


def label(english, spanish) -> Label:
    if spanish and interface_is_spanish():
        return Label(spanish, SPANISH)
    return Label(english or "", settings.LANGUAGE_CODE)


def field_label(obj, name: str) -> Label:
    """The label of a model field `name` with its Spanish in `name_es`."""
    return label(getattr(obj, name), getattr(obj, f"{name}_es", ""))


# Free-text country names written before countries were chosen from a list, and what they
# meant, beyond the names django-countries knows in English.
COUNTRY_ALIASES = {
    "united states": "US",
    "estados unidos": "US",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "america": "US",
    "uk": "GB",
    "u.k.": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "great britain": "GB",
    "holland": "NL",
    "méxico": "MX",
    "españa": "ES",
    "brasil": "BR",
}


def country_code(text: str) -> str:
    """The ISO code for a country written as free text, or "" when it names none."""
    cleaned = " ".join((text or "").split()).strip(" .,")
    if not cleaned:
        return ""
    if len(cleaned) == 2 and cleaned.upper() in dict(countries):
        return cleaned.upper()
    if cleaned.lower() in COUNTRY_ALIASES:
        return COUNTRY_ALIASES[cleaned.lower()]
    with translation.override("en"):
        code = countries.by_name(cleaned)
    if not code:
        with translation.override(SPANISH):
            code = countries.by_name(cleaned)
    return code or ""

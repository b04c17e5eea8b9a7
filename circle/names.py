"""The one rule for when two names in the circle are the same name: as a reader takes them
in. The model keeps each member's name in this form (unique, so no member passes for
another), the services check it, and the migration that filled it used it too."""

import unicodedata

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

# Room for a name of 120 characters once folded: compatibility forms and case folding can
# make a character several (a ligature, "ß" to "ss"). A name whose key would not fit is
# refused as too long; four bytes a character at most still fits a PostgreSQL index.
KEY_MAX = 480


def name_key(name: str) -> str:
    """A name as a reader takes it in: compatibility forms folded (a full-width letter is
    a letter), invisible format characters (zero-width spaces) dropped, spaces collapsed,
    case ignored."""
    folded = unicodedata.normalize("NFKC", name)
    visible = "".join(c for c in folded if unicodedata.category(c) != "Cf")
    return " ".join(visible.split()).casefold()


# Letters of other alphabets drawn like Latin ones (after case folding), so that a name
# written with them reads as the Latin name: Cyrillic and Greek, the common cases.
LOOKALIKES = str.maketrans(
    {
        **dict(zip("аеорсухіјѕԁһӏԛԝґвкмнт", "aeopcyxijsdhlqwrbkmht", strict=True)),
        **dict(zip("οіνρτικαυχβεηζ", "oivptikauxbenz", strict=True)),
    }
)
# Alphabets that names write together; any other mix of alphabets in one name is refused.
SCRIPTS_WRITTEN_TOGETHER = (
    {"LATIN", "CJK", "HIRAGANA", "KATAKANA"},
    {"LATIN", "CJK", "BOPOMOFO"},
    {"LATIN", "CJK", "HANGUL"},
)


def name_look(name: str) -> str:
    """A name as it looks: its key with look-alike letters of other alphabets read as
    Latin ones, and only letters and digits kept ("Lina Okafor." and "Lina Okafor" look
    the same, and so does the name with a Cyrillic "i")."""
    looks = name_key(name).translate(LOOKALIKES)
    return "".join(c for c in looks if c.isalnum())


def scripts(name: str) -> set[str]:
    """The alphabets of a name's letters, by the first word of each letter's Unicode name
    (LATIN, CYRILLIC, GREEK, CJK, ...)."""
    return {
        unicodedata.name(c, "UNKNOWN").split()[0]
        for c in unicodedata.normalize("NFKC", name)
        if unicodedata.category(c).startswith("L")
    }


def mixes_scripts(name: str) -> bool:
    found = scripts(name)
    return len(found) > 1 and not any(found <= together for together in SCRIPTS_WRITTEN_TOGETHER)


def reserved_keys() -> set[str]:
    """What the forum shows in place of a name, in every language of the site: a member
    who took one of them as their name could pass for someone anonymous."""
    keys = set()
    for code, _language in settings.LANGUAGES:
        with translation.override(code):
            keys |= {name_key(_("A member of this circle")), name_key(_("A former member"))}
    return keys

"""Plain text written in the circle, shown safely: everything escaped, paragraphs and
line breaks kept, and web addresses (http and https only) turned into links that pass
nothing on to the site they lead to."""

import re
from urllib.parse import urlsplit

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# An http(s) address up to the next space, quote, angle bracket or direction-changing
# character (which could make a link read as something it is not).
ADDRESS = re.compile(r"\bhttps?://[^\s<>\"'`\u200b-\u200f\u202a-\u202e\u2066-\u2069]+", re.I)
TRAILING = ".,;:!?*"
LONGEST_ADDRESS = 2000


def _link(address: str) -> str:
    """A link for an address that is really an http(s) one with a host; else its text."""
    try:
        parts = urlsplit(address)
    except ValueError:
        return escape(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return escape(address)
    if len(address) > LONGEST_ADDRESS:
        return escape(address)
    return format_html(
        '<a href="{}" rel="nofollow noopener noreferrer ugc">{}</a>', address, address
    )


def _split_address(found: str) -> tuple[str, str]:
    """The address and what follows it: a full stop or a closing bracket that ends a
    sentence belongs to the sentence."""
    rest = ""
    while found and (
        found[-1] in TRAILING or (found[-1] == ")" and found.count("(") < found.count(")"))
    ):
        found, rest = found[:-1], found[-1] + rest
    return found, rest


def _line(text: str) -> str:
    out, position = [], 0
    for match in ADDRESS.finditer(text):
        address, rest = _split_address(match.group(0))
        out.append(escape(text[position : match.start()]))
        out.append(_link(address))
        out.append(escape(rest))
        position = match.end()
    out.append(escape(text[position:]))
    return "".join(out)


@register.filter(is_safe=False)
def circle_text(value) -> SafeString:
    """Paragraphs (blank lines), line breaks, and safe links; no other markup, ever."""
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    paragraphs = re.split(r"\n\s*\n", text)
    html = "".join(
        "<p>{}</p>".format("<br>".join(_line(line) for line in paragraph.split("\n")))
        for paragraph in paragraphs
    )
    return mark_safe(html)  # noqa: S308 (every piece was escaped or built by format_html)

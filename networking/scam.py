"""Podium's scam check: does a text ask the consultant for money?

Advance-fee scams and traffickers' lures ask for a "visa fee", a "processing fee", gift
cards or a wire transfer before the work. The check only flags: the consultant sees a
warning beside the text and editors see it in their queue. It never blocks or edits.
"""

import re

from django.utils.translation import gettext, gettext_noop

_MONEY_ASK = r"(pay|send|transfer|deposit|cover|wire|buy)\w*"

SIGNALS = [
    (
        gettext_noop("asks you to pay a visa, permit or processing fee"),
        re.compile(
            rf"\b{_MONEY_ASK}\b[^.?!]{{0,60}}\b(visa|permit|processing|registration|"
            r"application|booking|admin(istration)?|clearance|travel document)s?\s+fees?\b"
            r"|\b(visa|permit|processing|registration|clearance)\s+fees?\b[^.?!]{0,60}"
            r"\b((paid|covered|sent) by you|you\b[^.?!]{0,30}\b(pay|send|cover))",
            re.IGNORECASE,
        ),
    ),
    (
        gettext_noop("asks you for a commission or an upfront payment"),
        re.compile(
            r"\b(commission|finder'?s fee|upfront (payment|fee)|advance fee|"
            r"(pay|send)\w* (us|me) (first|upfront|in advance))\b",
            re.IGNORECASE,
        ),
    ),
    (
        gettext_noop("asks for gift cards"),
        re.compile(r"\b(gift|itunes|steam|google play|amazon) ?cards?\b", re.IGNORECASE),
    ),
    (
        gettext_noop("asks for a wire or money transfer"),
        re.compile(
            r"\b(wire transfer|western union|moneygram|money order|bank transfer to (us|me)|"
            r"bitcoin|crypto(currency)?|usdt)\b",
            re.IGNORECASE,
        ),
    ),
    (
        gettext_noop("asks to pay or be paid outside Podium"),
        re.compile(
            r"\b(off[- ]platform|outside (of )?(podium|this (site|platform))|"
            r"(whatsapp|telegram|signal|cash ?app|zelle|venmo|paypal)\b[^.?!]{0,40}"
            r"\b(pay|fee|money))",
            re.IGNORECASE,
        ),
    ),
]


def scam_signals(*texts: str) -> list[str]:
    """The reasons (plain words, in English) why these texts look like a request for money.

    They are stored in English, whoever's language the check ran in, and translated for
    each reader by `scam_reasons`.
    """
    joined = "\n".join(t for t in texts if t)
    return [reason for reason, pattern in SIGNALS if pattern.search(joined)]


def scam_reasons(signals: list[str]) -> list[str]:
    """Stored reasons in the reader's language."""
    return [gettext(signal) for signal in signals]

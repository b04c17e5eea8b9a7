"""Verification codes: short enough to type from paper, too many to guess.

Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L, U/V pairs that a
reader could confuse), printed in three groups of four: 29**12 is about 2**58.3
possibilities. With the verification form limited per address, guessing one of the
statements that exist is out of reach; the code is drawn with `secrets`, never `random`.
"""

import re
import secrets

ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
LENGTH = 12
GROUP = 4
_NOT_CODE = re.compile(r"[\s\-_.·]")


def new_code() -> str:
    """A fresh code as stored: upper case, without separators."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def grouped(code: str) -> str:
    """The code as printed: ABCD-EFGH-JKMN."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalized(typed: str) -> str | None:
    """What a person typed, as stored; None when it cannot be a code at all.

    Spaces, dashes and dots between groups are ignored and lower case is read as upper,
    so a code copied from paper or a message reads the same.
    """
    code = _NOT_CODE.sub("", typed or "").upper()
    if len(code) != LENGTH or any(ch not in ALPHABET for ch in code):
        return None
    return code

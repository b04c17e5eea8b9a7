"""What a statement says, as plain data that can be frozen, signed and shown again.

The snapshot holds codes and numbers only (dates in ISO form, amounts as decimal strings,
engagement types and invoice kinds as their codes), so the verification page can show it
in the reader's language while the signed content stays the same.

What counts: invoices the consultant marked paid, by the day they were paid, inside the
period. Cancellation fees count (they are money the consultant received) and are labelled
as such on every line. Nothing is converted: every sum is kept per currency.
"""

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date
from decimal import Decimal

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from core.money import Totals, totals_of
from networking.models import InvoiceKind
from portfolio.enums import EngagementType

DIGEST_SALT = "statements.Statement.figures"


def snapshot(*, name: str, invoices, shows_organizations: bool) -> dict:
    """The figures of a statement from the paid invoices of its period."""
    entries = []
    by_month = defaultdict(Totals)
    for invoice in sorted(invoices, key=lambda i: (i.paid_on, i.number)):
        booking = invoice.booking
        entries.append(
            {
                "paid_on": invoice.paid_on.isoformat(),
                "engagement_on": booking.starts_on.isoformat() if booking else None,
                "engagement_type": booking.engagement_type if booking else None,
                "kind": invoice.kind,
                "organization": invoice.organization.name if shows_organizations else None,
                "amount": f"{invoice.amount:.2f}",
                "currency": invoice.currency,
            }
        )
        by_month[invoice.paid_on.strftime("%Y-%m")].add(invoice.currency, invoice.amount)
    total = totals_of((i.currency, i.amount) for i in invoices)
    return {
        "name": name,
        "shows_organizations": shows_organizations,
        "entries": entries,
        "by_month": [
            {"month": month, "totals": _plain(totals)} for month, totals in sorted(by_month.items())
        ],
        "by_currency": _plain(total),
    }


def _plain(totals: Totals) -> dict:
    return {currency: f"{amount:.2f}" for currency, amount in totals.items_sorted()}


def _signed_content(statement) -> str:
    return json.dumps(
        {
            "code": statement.code,
            "period": [statement.period_start.isoformat(), statement.period_end.isoformat()],
            "shows_organizations": statement.shows_organizations,
            "issued_at": statement.issued_at.astimezone(UTC).isoformat(),
            "expires_at": statement.expires_at.astimezone(UTC).isoformat(),
            "figures": statement.figures,
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=True,
    )


def digest_of(statement, *, secret=None) -> str:
    return salted_hmac(
        DIGEST_SALT, _signed_content(statement), secret=secret, algorithm="sha256"
    ).hexdigest()


def digest_matches(statement) -> bool:
    """The stored figures are those Podium signed (under the current key or a previous one
    still accepted, so that rotating the key does not void every statement)."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(
        constant_time_compare(digest_of(statement, secret=secret), statement.digest)
        for secret in keys
    )


@dataclass(frozen=True)
class Line:
    paid_on: date
    engagement_on: date | None
    engagement_type: str
    organization: str
    kind: str
    is_cancellation: bool
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class Shown:
    """A snapshot made readable in the active language."""

    name: str
    shows_organizations: bool
    lines: list[Line]
    by_month: list[tuple[date, Totals]]
    by_currency: Totals
    engagement_count: int


def shown(figures: dict) -> Shown:
    types = dict(EngagementType.choices)
    kinds = dict(InvoiceKind.choices)
    lines = [
        Line(
            paid_on=date.fromisoformat(entry["paid_on"]),
            engagement_on=date.fromisoformat(entry["engagement_on"])
            if entry["engagement_on"]
            else None,
            engagement_type=str(types.get(entry["engagement_type"], _("Engagement"))),
            organization=entry["organization"] or _("An organization"),
            kind=str(kinds.get(entry["kind"], entry["kind"])),
            is_cancellation=entry["kind"] == InvoiceKind.CANCELLATION,
            amount=Decimal(entry["amount"]),
            currency=entry["currency"],
        )
        for entry in figures["entries"]
    ]
    return Shown(
        name=figures["name"],
        shows_organizations=figures["shows_organizations"],
        lines=lines,
        by_month=[
            (date.fromisoformat(row["month"] + "-01"), _totals(row["totals"]))
            for row in figures["by_month"]
        ],
        by_currency=_totals(figures["by_currency"]),
        engagement_count=sum(1 for entry in figures["entries"] if entry["kind"] == "fee"),
    )


def _totals(plain: dict) -> Totals:
    return totals_of((currency, Decimal(amount)) for currency, amount in plain.items())

"""A statement as a PDF: what its page shows, and how to check it.

The file's only metadata is its generic title and Podium's name (core.media.pdf): the
consultant's name and the figures are in the page's text, where the consultant chose to
put them, and nowhere else.
"""

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.media.pdf import SOFT, Sheet
from core.money import format_money
from statements.codes import grouped
from statements.figures import shown


def verify_url() -> str:
    """Where a statement is checked, from the site's configured address: printed and
    read away from the site, so never from a request's Host header."""
    return absolute_url(reverse("statement_verify"))


def statement_pdf(statement) -> bytes:
    figures = shown(statement.figures)
    sheet = Sheet(_("Engagement and earnings statement"))
    sheet.heading(_("Engagement and earnings statement"), size=20)
    sheet.text(_("Issued by Podium for %(name)s") % {"name": figures.name})
    sheet.text(
        _("Period: %(start)s to %(end)s")
        % {"start": date_format(statement.period_start), "end": date_format(statement.period_end)}
    )
    sheet.text(
        _("Issued %(issued)s, valid until %(expires)s")
        % {
            "issued": date_format(statement.issued_at.date()),
            "expires": date_format(statement.expires_at.date()),
        },
        color=SOFT,
    )
    sheet.heading(_("Paid engagements"))
    if not figures.lines:
        sheet.text(_("No payments were recorded in this period."))
    for line in figures.lines:
        when = date_format(line.engagement_on) if line.engagement_on else "—"
        kind = f" ({line.kind})" if line.is_cancellation else ""
        sheet.text(
            _("Paid %(paid)s: %(amount)s, %(type)s%(kind)s on %(when)s, %(organization)s")
            % {
                "paid": date_format(line.paid_on),
                "amount": format_money(line.amount, line.currency),
                "type": line.engagement_type,
                "kind": kind,
                "when": when,
                "organization": line.organization,
            }
        )
    sheet.heading(_("Paid by month"))
    for month, totals in figures.by_month:
        sheet.text(f"{date_format(month, 'YEAR_MONTH_FORMAT')}: {totals.format()}")
    sheet.heading(_("Total paid, by currency"))
    sheet.text(figures.by_currency.format(), size=14)
    sheet.text(_("Amounts in different currencies are never added together."), color=SOFT)
    sheet.heading(_("Check this statement"))
    sheet.text(
        _(
            "Anyone holding this code can confirm at %(url)s that Podium issued this "
            "statement and that its figures are unchanged:"
        )
        % {"url": verify_url()}
    )
    sheet.text(grouped(statement.code), size=16)
    return sheet.to_bytes()

"""An invoice as a PDF, with what the printable page shows."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.media.pdf import SOFT, Sheet
from core.money import format_money


def invoice_pdf(invoice) -> bytes:
    sheet = Sheet(_("Invoice %(number)s") % {"number": invoice.number})
    sheet.heading(_("Invoice %(number)s") % {"number": invoice.number}, size=20)
    sheet.text(_("From: %(name)s") % {"name": invoice.issuer_name})
    sheet.text(_("To: %(name)s") % {"name": invoice.organization.name})
    sheet.text(
        _("Issued %(issued)s, due %(due)s")
        % {"issued": date_format(invoice.issued_on), "due": date_format(invoice.due_on)},
        color=SOFT,
    )
    sheet.heading(_("For"))
    booking = invoice.booking
    if booking is None:  # the consultant's account is deleted, and the booking with it
        sheet.text(invoice.get_kind_display())
    else:
        sheet.text(
            f"{invoice.get_kind_display()}: {booking.title} ({date_format(booking.starts_on)})"
        )
    sheet.heading(_("Amount due"))
    sheet.text(format_money(invoice.amount, invoice.currency), size=16)
    sheet.text(_("Status: %(status)s") % {"status": invoice.get_status_display()}, color=SOFT)
    return sheet.to_bytes()

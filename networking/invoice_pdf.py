"""An invoice as a PDF, with what the printable page shows."""

from django.utils.translation import gettext as _

from core.pdf import SOFT, Sheet


def invoice_pdf(invoice) -> bytes:
    sheet = Sheet(_("Invoice %(number)s") % {"number": invoice.number})
    sheet.heading(_("Invoice %(number)s") % {"number": invoice.number}, size=20)
    sheet.text(_("From: %(name)s") % {"name": invoice.issuer_name})
    sheet.text(_("To: %(name)s") % {"name": invoice.organization.name})
    sheet.text(
        _("Issued %(issued)s, due %(due)s")
        % {"issued": invoice.issued_on.isoformat(), "due": invoice.due_on.isoformat()},
        color=SOFT,
    )
    sheet.heading(_("For"))
    booking = invoice.booking
    if booking is None:  # the consultant's account is deleted, and the booking with it
        sheet.text(invoice.get_kind_display())
    else:
        sheet.text(
            f"{invoice.get_kind_display()}: {booking.title} ({booking.starts_on.isoformat()})"
        )
    sheet.heading(_("Amount due"))
    sheet.text(f"{invoice.currency} {invoice.amount:,.2f}", size=16)
    sheet.text(_("Status: %(status)s") % {"status": invoice.get_status_display()}, color=SOFT)
    return sheet.to_bytes()

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from networking.enums import BookingState
from networking.errors import Hidden, Refused
from networking.models import (
    Booking,
    Invoice,
    InvoiceKind,
    InvoiceSequence,
    InvoiceStatus,
    Rating,
)
from networking.selectors import organization_members, rating_possible
from networking.services.notifications import notify, notify_many
from networking.viewer import as_viewer
from portfolio.models import SpeakerProfilePage, Testimonial

DEFAULT_DUE_DAYS = 30
REMINDER_EVERY_DAYS = 7


@transaction.atomic
def invoice_number_next(*, consultant, year: int) -> str:
    """The consultant's next invoice number in this year ("2026-0007"), never given twice.

    Inside the transaction that stores the invoice, the year's row stays locked until it
    ends, so a concurrent invoice waits and takes the next number (and a failed invoice
    leaves no gap).
    """
    prefix = f"{year}-"
    # The unique constraint makes a row created at the same moment elsewhere be found.
    InvoiceSequence.objects.get_or_create(
        consultant=consultant, year=year, defaults={"last": _highest_number(consultant, prefix)}
    )
    sequence = InvoiceSequence.objects.select_for_update().get(consultant=consultant, year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return f"{prefix}{sequence.last:04d}"


def _highest_number(consultant, prefix: str) -> int:
    """Where a year's count starts when its row is new: after the numbers already used."""
    numbers = Invoice.objects.filter(consultant=consultant, number__startswith=prefix)
    suffixes = (number.removeprefix(prefix) for number in numbers.values_list("number", flat=True))
    return max((int(suffix) for suffix in suffixes if suffix.isdigit()), default=0)


def invoice_terms(booking: Booking):
    """(kind, amount) this booking can be invoiced for in its state, or None."""
    if booking.state in (BookingState.CONFIRMED, BookingState.COMPLETED):
        return InvoiceKind.FEE, booking.fee
    if booking.state == BookingState.CANCELLED and booking.cancellation_fee_due:
        return InvoiceKind.CANCELLATION, booking.cancellation_fee_due
    return None


def invoice_due(booking: Booking, invoiced_kinds) -> tuple | None:
    """The terms still to invoice: those of invoice_terms, unless that kind was invoiced."""
    terms = invoice_terms(booking)
    return terms if terms is not None and terms[0] not in invoiced_kinds else None


@transaction.atomic
def invoice_issue(*, consultant, booking: Booking, due_days: int = DEFAULT_DUE_DAYS) -> Invoice:
    """The consultant invoices a confirmed or completed booking, or a cancellation fee."""
    if not as_viewer(consultant).has_perm("networking.invoice_booking", booking):
        raise Hidden(_("Not found."))
    # Two clicks on "Send the invoice" queue here; the second then finds the first invoice.
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    terms = invoice_terms(booking)
    if terms is None:
        raise Refused(
            _("Only a confirmed or completed booking, or a cancellation fee, can be invoiced.")
        )
    kind, amount = terms
    if not 1 <= due_days <= 120:
        raise Refused(_("Give between 1 and 120 days to pay."), field="due_days")
    if Invoice.objects.filter(booking=booking, kind=kind).exists():
        raise Refused(_("This booking has already been invoiced."))
    today = timezone.localdate()
    try:
        with transaction.atomic():
            invoice = Invoice.objects.create(
                booking=booking,
                consultant=consultant,
                organization=booking.organization,
                kind=kind,
                number=invoice_number_next(consultant=consultant, year=today.year),
                amount=amount,
                currency=booking.currency,
                issued_on=today,
                due_on=today + timedelta(days=due_days),
            )
    except IntegrityError as clash:  # a double click: the first one won
        raise Refused(_("This booking has already been invoiced.")) from clash
    notify_many(
        users=organization_members(booking.organization_id),
        event_key=f"invoice:{invoice.pk}",
        text=gettext_noop("You have a new invoice."),
        url=reverse("networking:invoice", args=[invoice.pk]),
    )
    return invoice


@transaction.atomic
def invoice_mark_paid(*, consultant, invoice: Invoice, paid_on=None) -> Invoice:
    if not as_viewer(consultant).has_perm("networking.change_invoice", invoice):
        raise Hidden(_("Not found."))
    paid_on = paid_on or timezone.localdate()
    if paid_on > timezone.localdate() or paid_on < invoice.issued_on - timedelta(days=365):
        raise Refused(_("Give the date the payment arrived."), field="paid_on")
    invoice.status = InvoiceStatus.PAID
    invoice.paid_on = paid_on
    invoice.save(update_fields=["status", "paid_on"])
    return invoice


def invoices_remind_overdue(*, today) -> int:
    """Mark unpaid invoices past their due date overdue; remind both sides every week."""
    Invoice.objects.filter(status=InvoiceStatus.SENT, due_on__lt=today).update(
        status=InvoiceStatus.OVERDUE
    )
    # An invoice whose consultant deleted their account has nobody to pay or remind.
    due = Invoice.objects.filter(status=InvoiceStatus.OVERDUE, consultant__isnull=False).exclude(
        last_reminded_on__gt=today - timedelta(days=REMINDER_EVERY_DAYS)
    )
    reminded = 0
    for invoice in due.select_related("consultant"):
        with transaction.atomic():
            locked = Invoice.objects.select_for_update().get(pk=invoice.pk)
            if locked.last_reminded_on and locked.last_reminded_on > today - timedelta(
                days=REMINDER_EVERY_DAYS
            ):
                continue
            url = reverse("networking:invoice", args=[invoice.pk])
            key = f"overdue:{invoice.pk}:{today.isoformat()}"
            notify(
                user=invoice.consultant,
                event_key=key,
                text=gettext_noop("An invoice of yours is overdue."),
                url=url,
            )
            notify_many(
                users=organization_members(invoice.organization_id),
                event_key=key,
                text=gettext_noop("An invoice to your organization is overdue."),
                url=url,
            )
            locked.last_reminded_on = today
            locked.save(update_fields=["last_reminded_on"])
            reminded += 1
    return reminded


@transaction.atomic
def rating_create(*, consultant, booking: Booking, **scores) -> Rating:
    if not as_viewer(consultant).has_perm("networking.rate_booking", booking):
        raise Hidden(_("Not found."))
    # A rating sent twice at once: the second waits here, then finds the first.
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if not rating_possible(booking):
        raise Refused(
            _("You can rate an organization once the booking is completed, and only once.")
        )
    rating = Rating(
        booking=booking, consultant=consultant, organization=booking.organization, **scores
    )
    rating.full_clean()
    rating.save()
    return rating


def testimonial_possible(booking: Booking) -> bool:
    return booking.state == BookingState.COMPLETED and booking.testimonial_written_at is None


@transaction.atomic
def testimonial_write(*, author, booking: Booking, text: str, author_name: str) -> Testimonial:
    """The organization's words after a completed booking; public once the consultant approves."""
    if not as_viewer(author).has_perm("networking.write_testimonial", booking):
        raise Hidden(_("Not found."))
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if not testimonial_possible(booking):
        raise Refused(
            _("A testimonial can be written once the booking is completed, and only once.")
        )
    profile = SpeakerProfilePage.objects.filter(consultant_id=booking.consultant_id).first()
    if profile is None:
        raise Hidden(_("Not found."))
    text, author_name = text.strip(), author_name.strip()
    if not text or not author_name:
        raise Refused(_("Write the testimonial and the name to show with it."))
    testimonial = Testimonial.objects.create(
        profile=profile,
        text=text[:2000],
        author_name=author_name[:120],
        author_role=booking.organization.name[:200],
    )
    booking.testimonial_written_at = timezone.now()
    booking.save(update_fields=["testimonial_written_at"])
    notify(
        user=booking.consultant,
        event_key=f"testimonial:{testimonial.pk}",
        text=gettext_noop(
            "Someone wrote a testimonial for you. It stays hidden until you approve it."
        ),
        url=reverse("portfolio:testimonials"),
    )
    return testimonial

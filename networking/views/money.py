import csv
from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.forms import posted
from networking import selectors
from networking.forms import (
    InvoiceIssueForm,
    InvoicePaidForm,
    RatingForm,
    TestimonialForm,
)
from networking.invoice_pdf import invoice_pdf
from networking.services import bookings as booking_services
from networking.services import money as services
from networking.views.common import member_view, permission_required, render, submit


@member_view
@require_safe
def invoices(request):
    return render(
        request,
        "networking/invoices.html",
        {"invoices": selectors.invoices_for(user=request.viewer)[:200]},
    )


@member_view
@require_safe
def invoice(request, invoice_id):
    invoice = selectors.invoice_for(user=request.viewer, invoice_id=invoice_id)
    return render(
        request,
        "networking/invoice.html",
        {
            "invoice": invoice,
            "paid_form": InvoicePaidForm(initial={"paid_on": timezone.localdate()}),
        },
    )


@member_view
@require_safe
def invoice_pdf_view(request, invoice_id):
    invoice = selectors.invoice_for(user=request.viewer, invoice_id=invoice_id)
    response = HttpResponse(invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="invoice-{invoice.number}.pdf"'
    return response


@member_view
@require_POST
@permission_required("networking.change_invoice", selectors.invoice_for, by=("invoice_id",))
def invoice_paid(request, invoice):
    form = InvoicePaidForm(request.POST)
    done, status = submit(
        request,
        form,
        lambda paid_on: services.invoice_mark_paid(
            consultant=request.user, invoice=invoice, paid_on=paid_on
        ),
        success=_("Marked as paid."),
        then=lambda _invoice: ("networking:invoice", invoice.pk),
    )
    if done:
        return done
    return render(
        request,
        "networking/invoice.html",
        {"invoice": invoice, "paid_form": form},
        status,
    )


def _booking_button(request, booking, form, action, success, then=None):
    """A form on the booking page: on a refusal, its message shows there."""
    then = then or (lambda _result: ("networking:booking", booking.pk))
    done, _status = submit(request, form, action, success=success, then=then)
    if done:
        return done
    messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("networking:booking", booking.pk)


@member_view
@require_POST
@permission_required("networking.invoice_booking", selectors.booking_for, by=("booking_id",))
def invoice_issue(request, booking):
    return _booking_button(
        request,
        booking,
        InvoiceIssueForm(request.POST),
        lambda **fields: services.invoice_issue(consultant=request.user, booking=booking, **fields),
        _("The invoice was sent to the organization."),
        then=lambda invoice: ("networking:invoice", invoice.pk),
    )


@member_view
@require_POST
@permission_required("networking.rate_booking", selectors.booking_for, by=("booking_id",))
def rating(request, booking):
    return _booking_button(
        request,
        booking,
        RatingForm(request.POST),
        lambda **scores: services.rating_create(consultant=request.user, booking=booking, **scores),
        _("Thank you. Only averages of three or more are shown."),
    )


@member_view
@require_POST
@permission_required("networking.show_booking", selectors.booking_for, by=("booking_id",))
def show_publicly(request, booking):
    booking_services.booking_show_publicly(
        consultant=request.user, booking=booking, show=request.POST.get("show") == "yes"
    )
    return redirect("networking:booking", booking.pk)


@member_view
@require_http_methods(["GET", "POST"])
@permission_required("networking.write_testimonial", selectors.booking_for, by=("booking_id",))
def testimonial(request, booking):
    form = TestimonialForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda **fields: services.testimonial_write(author=request.user, booking=booking, **fields),
        success=_("Thank you. It appears on the profile once the consultant approves it."),
        then=lambda _testimonial: ("networking:booking", booking.pk),
    )
    if done:
        return done
    return render(
        request, "networking/testimonial.html", {"form": form, "booking": booking}, status
    )


def _year(request) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return timezone.localdate().year
    return year if 2000 <= year <= 2100 else timezone.localdate().year


@member_view
@require_safe
@permission_required("networking.view_earnings")
def earnings(request):
    summary = selectors.earnings(consultant=request.user, year=_year(request))
    # The first of each month, so that the page names the month in the reader's language.
    by_month = [(date(summary["year"], month, 1), paid) for month, paid in summary["by_month"]]
    return render(request, "networking/earnings.html", {"summary": summary, "by_month": by_month})


@member_view
@require_safe
@permission_required("networking.view_earnings")
def earnings_csv(request):
    summary = selectors.earnings(consultant=request.user, year=_year(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="earnings-{summary["year"]}.csv"'
    writer = csv.writer(response)
    writer.writerow(["invoice", "organization", "paid_on", "amount", "currency", "kind"])
    for invoice in summary["invoices"]:
        writer.writerow(
            [
                invoice.number,
                _csv_safe(invoice.organization.name),
                invoice.paid_on.isoformat(),
                f"{invoice.amount:.2f}",
                invoice.currency,
                invoice.kind,
            ]
        )
    return response


def _csv_safe(value: str) -> str:
    """A spreadsheet would run a cell that starts like a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value

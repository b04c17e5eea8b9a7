from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.forms import posted
from networking import selectors
from networking.forms import BookingActionForm, BookingRequestForm, MessageForm, RatingForm
from networking.rules import can_act_for_organization, membership_of
from networking.scam import scam_signals
from networking.services import bookings as services
from networking.services import money as money_services
from networking.views.common import attempt, member_view, render, submit
from portfolio import policy
from portfolio.models import SpeakerProfilePage

PAGE_SIZE = 20


@member_view
@require_safe
def bookings(request):
    listing = selectors.bookings_for(user=request.user)
    page_obj = Paginator(listing, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "networking/bookings.html", {"page_obj": page_obj})


def _requested_profile(request, consultant_id) -> SpeakerProfilePage:
    profile = (
        SpeakerProfilePage.objects.select_related("consultant")
        .filter(consultant__public_id=consultant_id)
        .first()
    )
    if profile is None or not policy.can_view(request.user, profile):
        raise Http404
    return profile


@member_view
@require_http_methods(["GET", "POST"])
def booking_new(request, consultant_id):
    """A booking request from a profile, or from an interest (?interest=<id>)."""
    if membership_of(request.user) is None:
        raise Http404
    profile = _requested_profile(request, consultant_id)
    if not can_act_for_organization(request.user):
        return render(request, "networking/cannot_act.html", {}, 403)
    interest = None
    initial = {"currency": "USD", "cancellation_fee": 0}
    if request.GET.get("interest") or request.POST.get("interest"):
        try:
            interest = selectors.interest_for_organization(
                user=request.user,
                interest_id=request.GET.get("interest") or request.POST.get("interest"),
            )
        except ValidationError as error:  # a malformed id is as unknown as a wrong one
            raise Http404 from error
        if interest.consultant_id != profile.consultant_id:
            raise Http404
        opportunity = interest.opportunity
        initial |= {
            "title": opportunity.title,
            "engagement_type": opportunity.engagement_type,
            "starts_on": opportunity.starts_on,
            "ends_on": opportunity.ends_on,
            "format": opportunity.format,
            "fee": interest.fee,
            "currency": opportunity.currency,
            "covers_travel": opportunity.covers_travel,
            "covers_lodging": opportunity.covers_lodging,
            "covers_per_diem": opportunity.covers_per_diem,
        }
    form = BookingRequestForm(posted(request), initial=initial)
    done, status = submit(
        request,
        form,
        lambda **fields: services.booking_request(
            actor=request.user, consultant=profile.consultant, interest=interest, **fields
        ),
        success=_("Your request was sent."),
        then=lambda booking: ("networking:booking", booking.pk),
    )
    if done:
        return done
    return render(
        request,
        "networking/booking_new.html",
        {"form": form, "profile": profile, "interest": interest},
        status,
    )


def _booking_context(request, booking, **extra):
    return {
        "booking": booking,
        "is_consultant": booking.consultant_id == request.user.pk,
        "events": selectors.booking_events(booking=booking),
        "moves": services.allowed_moves(request.user, booking),
        "action_form": BookingActionForm(),
        "message_form": MessageForm(),
        "profile": getattr(booking.consultant, "speaker_profile", None),
        # The scam check's warning, for the consultant reading the request.
        "scam_signals": scam_signals(booking.title, booking.topic, booking.message)
        if booking.consultant_id == request.user.pk
        else [],
        **_after_context(request, booking),
        **extra,
    }


def _after_context(request, booking) -> dict:
    """Invoices, rating, ratings and testimonial: what follows a confirmed or completed booking."""
    invoices = list(booking.invoices.all())
    if booking.consultant_id != request.user.pk:
        return {
            "invoices": invoices,
            "can_write_testimonial": money_services.testimonial_possible(booking),
        }
    return {
        "invoices": invoices,
        "can_invoice": money_services.invoice_due(booking, {i.kind for i in invoices}) is not None,
        "can_rate": money_services.rating_possible(booking),
        "rating_form": RatingForm(),
        "org_ratings": selectors.organization_ratings(
            organization_ids=[booking.organization_id]
        ).get(booking.organization_id),
    }


@member_view
@require_safe
def booking(request, booking_id):
    booking = selectors.booking_for(user=request.user, booking_id=booking_id)
    return render(request, "networking/booking.html", _booking_context(request, booking))


@member_view
@require_POST
def booking_move(request, booking_id):
    booking = selectors.booking_for(user=request.user, booking_id=booking_id)
    form = BookingActionForm(request.POST)
    status = 400
    if form.is_valid():
        data = form.cleaned_data
        result, status = attempt(
            form,
            lambda: services.booking_transition(
                booking=booking,
                actor=request.user,
                to=data["to"],
                note=data["note"],
                fee=data["fee"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                consultant_contact=data["consultant_contact"],
            ),
        )
        if result:
            messages.success(
                request,
                _("The booking is now: %(state)s.") % {"state": result.get_state_display().lower()},
            )
            return redirect("networking:booking", booking.pk)
    booking.refresh_from_db()
    return render(
        request,
        "networking/booking.html",
        _booking_context(request, booking, action_form=form),
        status,
    )

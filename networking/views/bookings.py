from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from accounts.adapters import forget_return_to, remember_return_to, signup_url
from accounts.enums import Role
from core.forms import posted
from core.money import Currency
from networking import selectors
from networking.booking_suggestions import suggestions_for
from networking.enums import AWAITING_CONSULTANT
from networking.errors import Hidden
from networking.forms import (
    BookingActionForm,
    BookingRequestForm,
    DebriefForm,
    MessageForm,
    RatingForm,
)
from networking.rules import has_second_factor, is_org_member
from networking.scam import scam_signals
from networking.services import bookings as services
from networking.services import money as money_services
from networking.views.common import attempt, member_view, render, submit
from portfolio.models import SpeakerProfilePage

PAGE_SIZE = 20


@member_view
@require_safe
def bookings(request):
    listing = selectors.bookings_for(user=request.viewer)
    page_obj = Paginator(listing, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "networking/bookings.html", {"page_obj": page_obj})


def _requested_profile(request, consultant_id) -> SpeakerProfilePage:
    profile = (
        SpeakerProfilePage.objects.select_related("consultant")
        .filter(consultant__public_id=consultant_id)
        .first()
    )
    if profile is None or not request.viewer.can_view(profile):
        raise Hidden
    return profile


@require_http_methods(["GET", "POST"])
def booking_new(request, consultant_id):
    """A booking request from a profile, or from an interest (?interest=<id>).

    "Request this speaker" is offered to everyone, so this address is where newcomers
    arrive. A visitor is sent to sign up as an organization; a signed-in organization
    person to the next step they still need (two-step verification, then their
    organization), each of which leads back here. Until then nothing is looked up: every
    id gets the same answer, so nobody learns whether a consultant exists.
    """
    if not request.user.is_authenticated:
        return redirect(signup_url(role=Role.ORGANIZATION, next_url=request.get_full_path()))
    if not request.viewer.has_perm("networking.request_booking"):
        return render(request, "networking/request_organizations_only.html", {}, 403)
    step = _setup_step(request.viewer)
    if step is not None:
        remember_return_to(request, request.get_full_path())
        return redirect(step)
    return _booking_new(request, consultant_id)


def _setup_step(viewer) -> str | None:
    """The URL name of what an organization person must set up before requesting.

    Two-step verification comes first: moments after signing in, allauth lets the fresh
    sign-in stand for the password it would otherwise ask for again.
    """
    if not has_second_factor(viewer):
        return "mfa_activate_totp"
    if not is_org_member(viewer):
        return "networking:organization"
    return None


@member_view
def _booking_new(request, consultant_id):
    profile = _requested_profile(request, consultant_id)
    if not request.viewer.has_perm("networking.act_for_organization"):
        # Waiting for verification (or suspended): this page says what is missing, at the
        # request's own address, so coming back later finds the form.
        remember_return_to(request, request.get_full_path())
        organization = request.viewer.membership.organization
        return render(
            request,
            "networking/request_not_yet.html",
            {
                "profile": profile,
                "organization": organization,
                "application": selectors.latest_application(organization=organization),
            },
            403,
        )
    forget_return_to(request)
    interest = None
    initial = {"currency": Currency.USD, "cancellation_fee": 0}
    if request.GET.get("interest") or request.POST.get("interest"):
        try:
            interest = selectors.interest_for_organization(
                user=request.viewer,
                interest_id=request.GET.get("interest") or request.POST.get("interest"),
            )
        except ValidationError as error:  # a malformed id is as unknown as a wrong one
            raise Http404 from error
        if interest.consultant_id != profile.consultant_id:
            raise Hidden
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
    form = BookingRequestForm(
        posted(request),
        initial=initial,
        consultant_id=profile.consultant_id,
        opportunity=interest.opportunity if interest else None,
    )
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
    answering = request.viewer.has_perm("networking.answer_booking", booking)
    return {
        "booking": booking,
        "events": selectors.booking_events(booking=booking),
        "moves": services.allowed_moves(request.viewer, booking),
        "action_form": BookingActionForm(),
        "message_form": MessageForm(),
        "profile": getattr(booking.consultant, "speaker_profile", None),
        # The scam check's warning, for the consultant reading the request.
        "scam_signals": scam_signals(booking.title, booking.topic, booking.message)
        if answering
        else [],
        # Before saying yes: would this fee take the year past the consultant's own limit?
        "yearly_warning": selectors.yearly_limit_warning(booking=booking)
        if answering and booking.state in AWAITING_CONSULTANT
        else None,
        # Other speakers suggested for the request, from whichever app suggests them.
        "suggestions": suggestions_for(request.viewer, booking),
        **_after_context(request, booking),
        **extra,
    }


def _after_context(request, booking) -> dict:
    """Invoices, rating, ratings and testimonial: what follows a confirmed or completed booking."""
    invoices = list(booking.invoices.all())
    if not request.viewer.has_perm("networking.invoice_booking", booking):
        return {
            "invoices": invoices,
            "can_write_testimonial": money_services.testimonial_possible(booking),
        }
    return {
        "invoices": invoices,
        "can_invoice": money_services.invoice_due(booking, {i.kind for i in invoices}) is not None,
        "can_rate": selectors.rating_possible(booking),
        "rating_form": RatingForm(),
        "org_ratings": selectors.organization_ratings(
            organization_ids=[booking.organization_id]
        ).get(booking.organization_id),
        **_debrief_context(request, booking),
    }


def _debrief_context(request, booking) -> dict:
    """The consultant's private note, only ever on her own view of a completed booking."""
    if not request.viewer.has_perm("networking.write_debrief", booking):
        return {}
    debrief = selectors.debrief_of(booking=booking)
    return {
        "may_debrief": True,
        "debrief": debrief,
        "debrief_form": DebriefForm(initial={"text": debrief.text if debrief else ""}),
    }


def booking_page(request, booking, status: int = 200, **extra):
    return render(
        request, "networking/booking.html", _booking_context(request, booking, **extra), status
    )


@member_view
@require_safe
def booking(request, booking_id):
    booking = selectors.booking_for(user=request.viewer, booking_id=booking_id)
    return booking_page(request, booking)


@member_view
@require_POST
def booking_move(request, booking_id):
    booking = selectors.booking_for(user=request.viewer, booking_id=booking_id)
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

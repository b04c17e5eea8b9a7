"""The consultant's limits on their work, and their private debrief notes."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import posted
from networking import selectors
from networking.forms import AvoidedTopicForm, CapacityForm, DebriefForm
from networking.selectors import capacity as capacity_selectors
from networking.services import capacity as services
from networking.views.bookings import booking_page
from networking.views.common import attempt, member_view, permission_required, render, submit


@member_view
@require_http_methods(["GET", "POST"])
@permission_required("networking.set_capacity")
def capacity(request):
    """Two forms on one page, told apart by the button that sent them."""
    current = capacity_selectors.capacity_settings(consultant=request.user)
    sent = request.POST.get("form") if request.method == "POST" else None
    limits_form = CapacityForm(
        request.POST if sent == "limits" else None, instance=current["capacity"]
    )
    topic_form = AvoidedTopicForm(request.POST if sent == "topic" else None)
    status = 200
    if sent == "limits":
        done, status = submit(
            request,
            limits_form,
            lambda **fields: services.capacity_update(consultant=request.user, **fields),
            success=_("Saved."),
            then="networking:capacity",
        )
        if done:
            return done
    elif sent == "topic":
        done, status = submit(
            request,
            topic_form,
            lambda **fields: services.avoided_topic_add(consultant=request.user, **fields),
            success=_("Saved."),
            then="networking:capacity",
        )
        if done:
            return done
    elif sent is not None:
        status = 400
    return render(
        request,
        "networking/capacity.html",
        {**current, "limits_form": limits_form, "topic_form": topic_form},
        status,
    )


@member_view
@require_POST
@permission_required("networking.set_capacity")
def avoided_topic_remove(request, avoided_id):
    services.avoided_topic_remove(consultant=request.user, avoided_id=avoided_id)
    messages.success(request, _("Removed."))
    return redirect("networking:capacity")


@member_view
@require_POST
@permission_required("networking.write_debrief", selectors.booking_for, by=("booking_id",))
def debrief(request, booking):
    form = DebriefForm(posted(request))
    if form.is_valid():
        _result, status = attempt(
            form,
            lambda: services.debrief_write(
                consultant=request.user, booking=booking, text=form.cleaned_data["text"]
            ),
        )
        if status == 200:
            messages.success(request, _("Your note is saved. Only you can read it."))
            return redirect("networking:booking", booking.pk)
    else:
        status = 400
    # The booking page again, the note as typed kept in its field with the error.
    return booking_page(request, booking, status, debrief_form=form)

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from circle.enums import MentorshipStatus
from circle.mentoring_forms import (
    AnswerForm,
    InterestsForm,
    MentoringMessageForm,
    MentoringRequestForm,
)
from circle.selectors import mentoring as selectors
from circle.selectors.referrals import referrals_received
from circle.services import mentoring as services
from circle.views.common import attempt, members_only, render, submit
from core.forms import posted


@members_only("circle.mentor")
@require_http_methods(["GET", "POST"])
def mentoring(request):
    """The member's topics, the matches Podium suggests, and their mentorships."""
    mine = selectors.interests_of(user=request.viewer)
    form = InterestsForm(
        posted(request), initial={"offers": sorted(mine["offer"]), "asks": sorted(mine["ask"])}
    )
    done, status = submit(
        request,
        form,
        lambda offers, asks: services.mentoring_interests_set(
            actor=request.user, offers=offers, asks=asks
        ),
        success=_("Your mentoring topics were saved."),
        then="circle:mentoring",
    )
    if done:
        return done
    mentorships = list(selectors.mentorships_for(user=request.viewer))
    return render(
        request,
        "circle/mentoring/mentoring.html",
        {
            "form": form,
            "suggestions": selectors.mentoring_suggestions(user=request.viewer),
            "open_mentorships": [m for m in mentorships if m.status in selectors.OPEN],
            "past_mentorships": [m for m in mentorships if m.status not in selectors.OPEN],
            # Requests other members suggested them for: found here too, not only
            # through the notification.
            "referrals": referrals_received(user=request.viewer)[:20],
        },
        status,
    )


@members_only("circle.mentor", fetch=selectors.mentor_by_public_id, by=("public_id",))
@require_http_methods(["GET", "POST"])
def mentoring_request(request, mentor):
    topics = selectors.offered_topics(member=mentor)
    form = MentoringRequestForm(posted(request), topics=topics)
    done, status = submit(
        request,
        form,
        lambda topic, message: services.mentorship_request(
            actor=request.user, mentor=mentor, topic=topic, message=message
        ),
        success=_("Your request was sent."),
        then=lambda mentorship: ("circle:mentorship", mentorship.pk),
    )
    if done:
        return done
    return render(
        request,
        "circle/mentoring/request.html",
        {"form": form, "mentor": mentor, "topics": topics},
        status,
    )


def _thread(request, mentorship, form, status=200, refusal=None):
    return render(
        request,
        "circle/mentoring/mentorship.html",
        {
            "mentorship": mentorship,
            "thread": selectors.mentorship_messages(mentorship=mentorship),
            "form": form,
            "active": mentorship.status == MentorshipStatus.ACTIVE,
            "refusal": refusal.non_field_errors() if refusal is not None else None,
        },
        status,
    )


@members_only("circle.use_mentorship", fetch=selectors.mentorship_for, by=("mentorship_id",))
@require_http_methods(["GET", "POST"])
def mentorship(request, mentorship):
    """The private thread of two people; the request and its answer before it opens."""
    form = MentoringMessageForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda body, send_key: services.mentoring_message_send(
            actor=request.user, mentorship=mentorship, body=body, send_key=send_key
        ),
        then=lambda message: ("circle:mentorship", mentorship.pk),
    )
    if done:
        return done
    if request.method == "POST" and status == 200:
        form = MentoringMessageForm()
    return _thread(request, mentorship, form, status)


@members_only("circle.answer_mentorship", fetch=selectors.mentorship_for, by=("mentorship_id",))
@require_POST
def mentorship_answer(request, mentorship):
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _thread(request, mentorship, MentoringMessageForm(), 400)
    accept = form.cleaned_data["answer"] == "yes"
    result, status = attempt(
        form,
        lambda: services.mentorship_answer(
            actor=request.user, mentorship=mentorship, accept=accept
        ),
    )
    if result is None:
        return _thread(request, mentorship, MentoringMessageForm(), status, refusal=form)
    messages.success(
        request,
        _("You said yes: the private thread is open.") if accept else _("You said no."),
    )
    return redirect("circle:mentorship", mentorship.pk)


@members_only("circle.use_mentorship", fetch=selectors.mentorship_for, by=("mentorship_id",))
@require_POST
def mentorship_end(request, mentorship):
    form = AnswerForm()
    result, status = attempt(
        form, lambda: services.mentorship_end(actor=request.user, mentorship=mentorship)
    )
    if result is None:
        return _thread(request, mentorship, MentoringMessageForm(), status, refusal=form)
    messages.success(request, _("The mentorship has ended."))
    return redirect("circle:mentoring")

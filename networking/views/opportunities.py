from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.forms import posted
from core.money import Currency
from networking import selectors
from networking.forms import ActionForm, InterestForm, OpportunityFilterForm, OpportunityForm
from networking.services import opportunities as services
from networking.views.common import attempt, member_view, permission_required, render, submit

PAGE_SIZE = 20


@member_view
@require_safe
@permission_required("networking.view_opportunities")
def opportunities(request):
    if request.viewer.has_perm("networking.add_opportunity"):
        listing = selectors.organization_opportunities(user=request.viewer)
        page_obj = Paginator(listing, PAGE_SIZE).get_page(request.GET.get("page"))
        return render(request, "networking/opportunities_organization.html", {"page_obj": page_obj})
    # With no choice made yet, show what matches the consultant's profile.
    data = request.GET if request.GET else {"mine": "on"}
    form = OpportunityFilterForm(data)
    filters = form.cleaned_data if form.is_valid() else {"mine": True}
    listing = selectors.open_opportunities_for(consultant=request.viewer, filters=filters)
    page_obj = Paginator(listing, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "networking/opportunities_consultant.html",
        {"form": form, "page_obj": page_obj, "filter_query": query.urlencode()},
    )


def _opened(opportunity):
    return ("networking:opportunity", opportunity.pk)


@member_view
@require_http_methods(["GET", "POST"])
@permission_required("networking.add_opportunity")
def opportunity_new(request):
    form = OpportunityForm(posted(request), initial={"currency": Currency.USD})
    done, status = submit(
        request,
        form,
        lambda **fields: services.opportunity_create(actor=request.user, **fields),
        success=_("Saved as a draft. Open it when it is ready."),
        then=_opened,
    )
    return done or render(request, "networking/opportunity_form.html", {"form": form}, status)


@member_view
@require_http_methods(["GET", "POST"])
@permission_required(
    "networking.change_opportunity", selectors.opportunity_for, by=("opportunity_id",)
)
def opportunity_edit(request, opportunity):
    form = OpportunityForm(posted(request), instance=opportunity)

    def update(**fields):
        opportunity.refresh_from_db()  # validation wrote into the instance
        return services.opportunity_update(opportunity=opportunity, actor=request.user, **fields)

    done, status = submit(request, form, update, success=_("Saved."), then=_opened)
    return done or render(
        request,
        "networking/opportunity_form.html",
        {"form": form, "opportunity": opportunity},
        status,
    )


@member_view
@require_safe
def opportunity(request, opportunity_id):
    opportunity = selectors.opportunity_for(user=request.viewer, opportunity_id=opportunity_id)
    context = {"opportunity": opportunity}
    if request.viewer.has_perm("networking.change_opportunity", opportunity):
        context |= {
            "status_moves": services.STATUS_MOVES.get(opportunity.status, ()),
            "can_edit": opportunity.status in services.EDITABLE,
            "interests": selectors.opportunity_interests(
                opportunity=opportunity, viewer=request.viewer
            ),
            "suggestions": selectors.opportunity_suggestions(
                opportunity=opportunity, viewer=request.viewer
            ),
        }
    else:
        context["interest"] = selectors.interest_of_consultant(
            consultant=request.viewer, opportunity=opportunity
        )
        context["org_ratings"] = selectors.organization_ratings(
            organization_ids=[opportunity.organization_id]
        ).get(opportunity.organization_id)
        context["interest_form"] = InterestForm()
    return render(request, "networking/opportunity.html", context)


@member_view
@require_POST
@permission_required(
    "networking.change_opportunity", selectors.opportunity_for, by=("opportunity_id",)
)
def opportunity_status(request, opportunity):
    form = ActionForm.bound()
    _result, status = attempt(
        form,
        lambda: services.opportunity_set_status(
            opportunity=opportunity, actor=request.user, status=request.POST.get("status", "")
        ),
    )
    if status == 200:
        messages.success(
            request,
            _("The opportunity is now %(status)s.")
            % {"status": opportunity.get_status_display().lower()},
        )
    else:
        messages.error(request, " ".join(form.non_field_errors()))
    return redirect("networking:opportunity", opportunity.pk)


@member_view
@require_POST
@permission_required("networking.express_interest")
def opportunity_interest(request, opportunity_id):
    opportunity = selectors.opportunity_for(user=request.viewer, opportunity_id=opportunity_id)
    form = InterestForm(request.POST)
    done, status = submit(
        request,
        form,
        lambda **fields: services.interest_express(
            consultant=request.user, opportunity=opportunity, **fields
        ),
        success=_("The organization can now see your interest."),
        then=lambda _interest: _opened(opportunity),
    )
    if done:
        return done
    return render(
        request,
        "networking/opportunity.html",
        {"opportunity": opportunity, "interest": None, "interest_form": form},
        status,
    )


@member_view
@require_POST
@permission_required(
    "networking.withdraw_interest",
    lambda user, interest_id: selectors.interest_for_consultant(
        consultant=user, interest_id=interest_id
    ),
    by=("interest_id",),
)
def interest_withdraw(request, interest):
    services.interest_withdraw(consultant=request.user, interest=interest)
    messages.success(request, _("Your interest was withdrawn."))
    return redirect("networking:opportunities")

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from accounts.adapters import return_to
from core.forms import posted, uploaded
from networking import selectors
from networking.forms import ActionForm, InvitationForm, OrganizationForm, VerificationForm
from networking.services import organizations as services
from networking.views.common import attempt, member_view, permission_required, render, submit

# The organization pages act on the person's own organization: there is no id to look up.
admins_only = permission_required("networking.change_organization", selectors.own_organization)


def _organization_context(request, **forms):
    membership = request.viewer.membership
    organization = membership.organization
    context = {
        "membership": membership,
        "organization": organization,
        "members": selectors.organization_roster(organization=organization),
        "invitations": selectors.open_invitations(organization=organization),
        "application": selectors.latest_application(organization=organization),
        "edit_form": OrganizationForm(instance=organization),
        "invite_form": InvitationForm(),
    }
    context.update(forms)
    return context


@member_view
@require_http_methods(["GET", "POST"])
def organization(request):
    """An organization member's home for their organization; others may create one."""
    if request.viewer.has_perm("networking.view_organization"):
        return (
            organization_edit(request)
            if request.method == "POST"
            else render(request, "networking/organization.html", _organization_context(request))
        )
    if not request.viewer.has_perm("networking.add_organization"):
        raise Http404
    form = OrganizationForm(posted(request), uploaded(request))
    done, status = submit(
        request,
        form,
        lambda **fields: services.organization_create(user=request.user, **fields),
        success=_("Your organization was created."),
        # Back to what sent the person here (a booking request), if anything did.
        then=lambda _organization: (return_to(request) or "networking:organization",),
    )
    return done or render(request, "networking/organization_new.html", {"form": form}, status)


@admins_only
def organization_edit(request, organization):
    form = OrganizationForm(request.POST, request.FILES, instance=organization)

    def update(**fields):
        organization.refresh_from_db()  # validation wrote into the instance
        return services.organization_update(organization=organization, actor=request.user, **fields)

    done, status = submit(
        request, form, update, success=_("Saved."), then="networking:organization"
    )
    if done:
        return done
    # The page shows the organization as saved, not as the refused form left it.
    organization.refresh_from_db()
    context = _organization_context(request, edit_form=form)
    return render(request, "networking/organization.html", context, status)


@member_view
@require_POST
@admins_only
def organization_invite(request, organization):
    form = InvitationForm(request.POST)
    done, status = submit(
        request,
        form,
        lambda **fields: services.invitation_create(
            organization=organization, actor=request.user, **fields
        ),
        success=_("The invitation was sent."),
        then="networking:organization",
    )
    context = _organization_context(request, invite_form=form)
    return done or render(request, "networking/organization.html", context, status)


@member_view
@require_POST
@admins_only
def member_remove(request, organization, member_id):
    form = ActionForm.bound()
    _result, status = attempt(
        form,
        lambda: services.member_remove(
            organization=organization, actor=request.user, member_id=member_id
        ),
    )
    if status == 200:
        messages.success(request, _("The member was removed."))
    else:
        messages.error(request, " ".join(form.non_field_errors()))
    return redirect("networking:organization")


@member_view
@require_http_methods(["GET", "POST"])
@admins_only
def verification_apply(request, organization):
    form = VerificationForm(posted(request), initial={"domain_email": request.user.email})
    done, status = submit(
        request,
        form,
        lambda **fields: services.verification_apply(
            organization=organization, actor=request.user, **fields
        ),
        success=_("Thank you. An editor will review your application."),
        then=lambda _application: (return_to(request) or "networking:organization",),
    )
    return done or render(
        request,
        "networking/verification_apply.html",
        {"form": form, "organization": organization},
        status,
    )


# Not member_view: the invited person usually arrives signed out, from the e-mail, and
# should be asked to sign in (the token itself is the secret).
@login_required
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    found = selectors.invitation_by_token(token=token)
    if found is None:
        raise Http404
    # A button's POST may carry nothing but its CSRF token: bind whenever it is a POST.
    form = ActionForm(posted(request))
    done, status = submit(
        request,
        form,
        lambda: services.invitation_accept(user=request.user, token=token),
        success=_("You joined %(name)s.") % {"name": found.organization},
        then="networking:organization",
    )
    return done or render(
        request, "networking/invitation.html", {"invitation": found, "form": form}, status
    )

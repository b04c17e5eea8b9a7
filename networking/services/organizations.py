from datetime import timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.log_actions import log

from accounts.models import User
from accounts.selectors import language_for_email
from core.links import absolute_url
from core.models import SiteSettings
from networking.enums import MemberRole, Verification
from networking.errors import Forbidden, Refused
from networking.models import Invitation, Membership, Organization, VerificationApplication
from networking.models.organizations import email_domain
from networking.rules import has_organization_account
from networking.selectors import organization_admins, organization_members
from networking.services.notifications import notify_many
from networking.viewer import as_viewer
from portfolio.enums import NETWORK_GROUP

INVITATION_DAYS = 14
RESEND_AFTER = timedelta(minutes=1)


def _queue_for(user) -> None:
    """Writes about one person's membership wait for each other here (the same form sent
    twice at once, two invitations accepted together), so the second sees the first."""
    User.objects.select_for_update(no_key=True).filter(pk=user.pk).exists()


def _queue_for_organization(organization: Organization) -> Organization:
    """The organization's row, locked until the transaction ends and read afresh."""
    return Organization.objects.select_for_update(no_key=True).get(pk=organization.pk)


def _require_admin(actor, organization: Organization) -> None:
    """Only the organization's own administrators change it, invite or remove members."""
    if not as_viewer(actor).has_perm("networking.change_organization", organization):
        raise Forbidden(_("Only the organization's administrators can do this."))


def network_access_sync(*, organization: Organization) -> None:
    """Members of a verified, unsuspended organization see "network" pages; others do not."""
    group = Group.objects.get(name=NETWORK_GROUP)
    members = organization_members(organization.pk)
    if organization.is_verified:
        group.user_set.add(*members)
    else:
        group.user_set.remove(*members)


@transaction.atomic
def organization_create(*, user, **fields) -> Organization:
    if not has_organization_account(user):
        raise Refused(_("Only organization accounts can create an organization."))
    _queue_for(user)
    if Membership.objects.filter(user=user).exists():
        raise Refused(_("You already belong to an organization."))
    fields["email_domain"] = fields["email_domain"].strip().lower().lstrip("@")
    organization = Organization.objects.create(**fields)
    Membership.objects.create(organization=organization, user=user, role=MemberRole.ADMIN)
    return organization


@transaction.atomic
def organization_update(*, organization: Organization, actor, **fields) -> Organization:
    _require_admin(actor, organization)
    if organization.is_suspended:
        raise Refused(_("This organization is suspended."))
    if organization.verification in (Verification.VERIFIED, Verification.PENDING):
        # What editors checked stays as they checked it.
        fields.pop("email_domain", None)
        fields.pop("registration_number", None)
    if fields.get("logo") is False:  # "clear" ticked on the form
        fields["logo"] = ""
    for name, value in fields.items():
        setattr(organization, name, value)
    organization.full_clean()
    organization.save()
    return organization


@transaction.atomic
def invitation_create(*, organization: Organization, actor, email: str, role: str) -> Invitation:
    _require_admin(actor, organization)
    email = email.strip().lower()
    organization = _queue_for_organization(organization)
    if organization.is_suspended:
        raise Refused(_("This organization is suspended."))
    if email_domain(email) != organization.email_domain:
        raise Refused(
            _("Invite addresses at your organization's domain (@%(domain)s) only.")
            % {"domain": organization.email_domain}
        )
    if Membership.objects.filter(organization=organization, user__email__iexact=email).exists():
        raise Refused(_("This person is already a member."))
    open_invitations = Invitation.objects.filter(
        organization=organization, email=email, accepted_at=None
    )
    # The same invitation sent twice in a row (a double click) goes out once.
    just_sent = open_invitations.filter(
        role=role, created_at__gt=timezone.now() - RESEND_AFTER
    ).first()
    if just_sent is not None:
        return just_sent
    open_invitations.delete()  # sending again replaces the earlier link
    invitation = Invitation.objects.create(
        organization=organization,
        email=email,
        role=role,
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
    )
    context = {
        "organization": organization.name,
        "site_name": SiteSettings.load().site_name,
        "link": absolute_url(reverse("networking:invitation", args=[invitation.token])),
        "days": INVITATION_DAYS,
    }
    # In the invitee's language if they already have an account, else the inviter's.
    with translation.override(language_for_email(email)):
        subject = render_to_string("networking/email/invitation_subject.txt", context).strip()
        body = render_to_string("networking/email/invitation.txt", context)
    send_mail(subject, body, None, [email])
    return invitation


@transaction.atomic
def invitation_accept(*, user, token: str) -> Membership:
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("organization")
        .filter(token=token)
        .first()
    )
    if invitation is None or not invitation.is_usable:
        raise Refused(_("This invitation has expired or was already used."))
    if invitation.email != user.email.lower():
        raise Refused(_("This invitation was sent to another e-mail address."))
    if not has_organization_account(user):
        raise Refused(_("Consultant accounts cannot join an organization."))
    _queue_for(user)
    if Membership.objects.filter(user=user).exists():
        raise Refused(_("You already belong to an organization."))
    membership = Membership.objects.create(
        organization=invitation.organization, user=user, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    network_access_sync(organization=invitation.organization)
    return membership


@transaction.atomic
def member_remove(*, organization: Organization, actor, member_id) -> None:
    _require_admin(actor, organization)
    membership = Membership.objects.filter(
        organization=organization, user__public_id=member_id
    ).first()
    if membership is None:
        raise Refused(_("No such member."))
    if membership.role == MemberRole.ADMIN and organization_admins(organization.pk).count() == 1:
        raise Refused(_("An organization needs at least one administrator."))
    Group.objects.get(name=NETWORK_GROUP).user_set.remove(membership.user)
    membership.delete()


@transaction.atomic
def verification_apply(*, organization: Organization, actor, pledge: bool, **fields):
    _require_admin(actor, organization)
    # An application sent twice at once: the second waits, then sees it is pending.
    organization = _queue_for_organization(organization)
    if organization.is_suspended:
        raise Refused(_("This organization is suspended."))
    if organization.verification in (Verification.VERIFIED, Verification.PENDING):
        raise Refused(_("This organization is already verified or waiting for review."))
    if not pledge:
        raise Refused(_("Please accept the fair-pay and ethical-engagement pledge."))
    domain_email = fields["domain_email"].strip().lower()
    if email_domain(domain_email) != organization.email_domain:
        raise Refused(
            _("The e-mail address must be at your organization's domain (@%(domain)s).")
            % {"domain": organization.email_domain}
        )
    # The address must be one this person proved they receive mail at (allauth).
    if not EmailAddress.objects.filter(
        user=actor, email__iexact=domain_email, verified=True
    ).exists():
        raise Refused(_("Confirm this e-mail address in your account first, then apply again."))
    fields["domain_email"] = domain_email
    application = VerificationApplication.objects.create(
        organization=organization,
        submitted_by=actor,
        pledge_accepted_at=timezone.now(),
        **fields,
    )
    organization.registration_number = fields["registration_number"]
    organization.verification = Verification.PENDING
    organization.save(update_fields=["registration_number", "verification"])
    return application


@transaction.atomic
def verification_decide(
    *, application: VerificationApplication, editor, approve: bool, reason: str = ""
) -> Organization:
    if not as_viewer(editor).has_perm("networking.review_organizations"):
        raise Forbidden(_("Only Podium's editors decide on verification."))
    application = VerificationApplication.objects.select_for_update().get(pk=application.pk)
    if application.decision:
        raise Refused(_("This application was already decided."))
    reason = reason.strip()
    if not approve and not reason:
        raise Refused(_("Give the organization a reason for the rejection."))
    decision = Verification.VERIFIED if approve else Verification.REJECTED
    now = timezone.now()
    application.decision = decision
    application.decided_by = editor
    application.decided_at = now
    application.reason = reason
    application.save()
    organization = application.organization
    organization.verification = decision
    organization.verified_at = now if approve else None
    organization.save(update_fields=["verification", "verified_at"])
    network_access_sync(organization=organization)
    # The editors' log (Wagtail's site history): who decided what, and when.
    log(organization, "podium.verify" if approve else "podium.reject", user=editor)
    notify_many(
        users=organization_admins(organization.pk),
        event_key=f"verification:{application.pk}",
        text=gettext_noop("Your verification application was answered."),
        url=reverse("networking:organization"),
    )
    return organization


# Addresses anyone can get: an organization cannot claim these as its domain, or a block
# on it would hide a consultant from everyone who uses the provider.
PUBLIC_MAIL_DOMAINS = frozenset(
    {
        *("gmail.com", "googlemail.com", "yahoo.com", "ymail.com", "outlook.com"),
        *("hotmail.com", "live.com", "msn.com", "aol.com", "icloud.com", "me.com"),
        *("mac.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net"),
        *("gmx.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "tutanota.com"),
        *("tuta.io", "fastmail.com", "hey.com", "qq.com", "163.com", "web.de"),
    }
)

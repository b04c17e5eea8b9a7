from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from core.jobs.outbox import outbox_enqueue
from networking.enums import OpportunityStatus
from networking.errors import Forbidden, Hidden, Refused
from networking.models import Conversation, Interest, Opportunity
from networking.selectors import organization_members
from networking.services.notifications import notify_many
from networking.viewer import as_viewer

EDITABLE = (OpportunityStatus.DRAFT, OpportunityStatus.OPEN)
# The statuses an opportunity may move to from each; the page shows these as buttons.
STATUS_MOVES = {
    OpportunityStatus.DRAFT: (OpportunityStatus.OPEN,),
    OpportunityStatus.OPEN: (OpportunityStatus.FILLED, OpportunityStatus.CLOSED),
    OpportunityStatus.CLOSED: (OpportunityStatus.OPEN,),
}


def _require_acting_member(actor, opportunity: Opportunity | None = None) -> None:
    """The actor may post (or change this opportunity of) their organization now."""
    viewer = as_viewer(actor)
    if opportunity is None:
        if not viewer.has_perm("networking.add_opportunity"):
            raise Forbidden(_("Only organization members can post opportunities."))
    elif not viewer.has_perm("networking.change_opportunity", opportunity):
        raise Hidden(_("Not found."))
    if not viewer.has_perm("networking.act_for_organization"):
        raise Forbidden(
            _(
                "Only verified organizations can do this, and you need two-step "
                "verification switched on."
            )
        )


def _check_fields(fields: dict) -> None:
    if not fields.get("pay_parity_attested"):
        raise Refused(_("Please confirm the pay-parity attestation."), field="pay_parity_attested")
    if fields["ends_on"] < fields["starts_on"]:
        raise Refused(_("The last date cannot be before the first date."), field="ends_on")
    if fields["deadline"] > fields["starts_on"]:
        raise Refused(
            _("The answer-by date must be on or before the first date."), field="deadline"
        )


@transaction.atomic
def opportunity_create(*, actor, topics=(), **fields) -> Opportunity:
    _require_acting_member(actor)
    membership = as_viewer(actor).membership
    _check_fields(fields)
    fields.pop("pay_parity_attested")
    opportunity = Opportunity(
        organization=membership.organization,
        created_by=actor,
        pay_parity_attested_at=timezone.now(),
        **fields,
    )
    opportunity.full_clean()
    opportunity.save()
    opportunity.topics.set(topics)
    return opportunity


@transaction.atomic
def opportunity_update(*, opportunity: Opportunity, actor, topics=(), **fields) -> Opportunity:
    _require_acting_member(actor, opportunity)
    if opportunity.status not in EDITABLE:
        raise Refused(_("A closed or filled opportunity cannot be changed."))
    _check_fields(fields)
    fields.pop("pay_parity_attested")
    for name, value in fields.items():
        setattr(opportunity, name, value)
    opportunity.pay_parity_attested_at = timezone.now()
    opportunity.full_clean()
    opportunity.save()
    opportunity.topics.set(topics)
    return opportunity


@transaction.atomic
def opportunity_set_status(*, opportunity: Opportunity, actor, status: str) -> Opportunity:
    _require_acting_member(actor, opportunity)
    if status not in STATUS_MOVES.get(opportunity.status, ()):
        raise Refused(_("This opportunity cannot change to that status."))
    if status == OpportunityStatus.OPEN and opportunity.deadline < timezone.localdate():
        raise Refused(_("The answer-by date has passed; change it before opening."))
    opportunity.status = status
    if status == OpportunityStatus.OPEN and opportunity.opened_at is None:
        opportunity.opened_at = timezone.now()
        # Imported here to break an import cycle: networking.tasks imports this module.
        from networking.tasks import match_opportunity

        outbox_enqueue(task=match_opportunity, args=[opportunity.pk])
    opportunity.save(update_fields=["status", "opened_at"])
    return opportunity


@transaction.atomic
def interest_express(*, consultant, opportunity: Opportunity, note: str, fee) -> Interest:
    if not as_viewer(consultant).has_perm("networking.express_interest"):
        raise Refused(_("Only consultants can express interest."))
    if opportunity.status != OpportunityStatus.OPEN or opportunity.deadline < timezone.localdate():
        raise Refused(_("This opportunity is no longer open."))
    # The same interest sent twice at once: the second waits here, then finds the first.
    Opportunity.objects.select_for_update(no_key=True).filter(pk=opportunity.pk).exists()
    if Interest.objects.filter(opportunity=opportunity, consultant=consultant).exists():
        raise Refused(_("You have already expressed interest in this opportunity."))
    interest = Interest(opportunity=opportunity, consultant=consultant, note=note.strip(), fee=fee)
    interest.full_clean()
    interest.save()
    Conversation.objects.create(
        consultant=consultant, organization=opportunity.organization, interest=interest
    )
    notify_many(
        users=organization_members(opportunity.organization_id),
        event_key=f"interest:{interest.pk}",
        text=gettext_noop("A consultant is interested in one of your opportunities."),
        url=reverse("networking:opportunity", args=[opportunity.pk]),
    )
    return interest


@transaction.atomic
def interest_withdraw(*, consultant, interest: Interest) -> Interest:
    if not as_viewer(consultant).has_perm("networking.withdraw_interest", interest):
        raise Hidden(_("Not found."))
    if interest.withdrawn_at is None:
        interest.withdrawn_at = timezone.now()
        interest.save(update_fields=["withdrawn_at"])
    return interest

"""Writes for consultants' pages: creation, audiences, pause, review, forgetting."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Comment,
    GroupPagePermission,
    Page,
    PageLogEntry,
    PageViewRestriction,
    Revision,
    Workflow,
    WorkflowPage,
)

from accounts.enums import EDITOR_GROUPS
from accounts.models import ConsultantWorkspace, User
from accounts.selectors import permissions_named
from core.search import search_index_compact_after_commit, search_index_refresh
from portfolio import cache_purge
from portfolio.enums import NETWORK_GROUP, Audience, narrowest
from portfolio.models import SpeakerIndexPage, SpeakerProfilePage, Testimonial

SAFETY_REVIEW_WORKFLOW = "Safety review"
# What a consultant may do in their own subtree before and after their first review.
DRAFTING_PERMISSIONS = ("add_page", "change_page")
PUBLISHING_PERMISSIONS = ("publish_page",)


@transaction.atomic
def profile_create(*, workspace: ConsultantWorkspace) -> SpeakerProfilePage:
    """A draft profile for a new consultant, editable only by them, reviewed when first sent.

    The slug is random: a consultant chooses a public address, never one derived from
    an e-mail address or a name.
    """
    user = workspace.user
    existing = SpeakerProfilePage.objects.filter(consultant=user).first()
    if existing:
        return existing
    index = SpeakerIndexPage.objects.get()
    profile = SpeakerProfilePage(
        title="New speaker",
        slug=f"speaker-{user.public_id.hex[:10]}",
        consultant=user,
        owner=user,
        live=False,
    )
    index.add_child(instance=profile)
    profile.save_revision(user=user, log_action=False)
    for permission in permissions_named("wagtailcore", DRAFTING_PERMISSIONS):
        GroupPagePermission.objects.create(
            group=workspace.group, page=profile, permission=permission
        )
    workflow = Workflow.objects.filter(name=SAFETY_REVIEW_WORKFLOW, active=True).first()
    if workflow:
        WorkflowPage.objects.create(workflow=workflow, page=profile)
    user.groups.add(Group.objects.get(name=NETWORK_GROUP))
    return profile


@transaction.atomic
def direct_publishing_grant(*, profile: SpeakerProfilePage) -> None:
    """After the first approved review, later publications go live directly."""
    workspace = profile.consultant.workspace
    for permission in permissions_named("wagtailcore", PUBLISHING_PERMISSIONS):
        GroupPagePermission.objects.get_or_create(
            group=workspace.group, page=profile, permission=permission
        )
    WorkflowPage.objects.filter(page=profile).delete()


def _restriction_groups(profile: SpeakerProfilePage, visibility: str) -> list[Group]:
    groups = list(Group.objects.filter(name__in=EDITOR_GROUPS))
    groups.append(profile.consultant.workspace.group)
    if visibility == Audience.NETWORK:
        groups.append(Group.objects.get(name=NETWORK_GROUP))
    return groups


def _restrict(page: Page, groups: list[Group] | None) -> None:
    PageViewRestriction.objects.filter(page=page).delete()
    if groups:
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(groups)


@transaction.atomic
def visibility_sync(*, profile: SpeakerProfilePage) -> None:
    """Write the effective audience of the profile and each page under it.

    The narrowest of: the page's own audience, the profile's, and "private" while the
    profile is paused or unpublished. Also writes matching Wagtail view restrictions, so
    that Wagtail's own `.public()` listings agree.
    """
    # The page rows hold the published content; drafts live in revisions.
    profile = SpeakerProfilePage.objects.select_for_update().get(pk=profile.pk)
    # An unpublished profile hides what is under it as a pause does: a post or video
    # left live must not stay reachable (nor its media) once its profile is withdrawn.
    withdrawn = profile.is_paused or not profile.live
    profile_visibility = narrowest(
        profile.audience, Audience.PRIVATE if withdrawn else Audience.PUBLIC
    )
    pages = [profile, *profile.get_descendants().specific()]
    for page in pages:
        visibility = narrowest(page.audience, profile_visibility)
        type(page).objects.filter(pk=page.pk).update(visibility=visibility)
        page.visibility = visibility
        groups = None if visibility == Audience.PUBLIC else _restriction_groups(profile, visibility)
        _restrict(page, groups)
    # Written with update(), which no cache hears of: every cache forgets these pages.
    cache_purge.profile_purge(profile=profile)


@transaction.atomic
def profile_pause(*, profile: SpeakerProfilePage) -> None:
    """Hide the profile and everything under it from everyone but its owner and editors."""
    SpeakerProfilePage.objects.filter(pk=profile.pk).update(paused_at=timezone.now())
    profile.paused_at = timezone.now()
    visibility_sync(profile=profile)


@transaction.atomic
def profile_resume(*, profile: SpeakerProfilePage) -> None:
    SpeakerProfilePage.objects.filter(pk=profile.pk).update(paused_at=None)
    profile.paused_at = None
    visibility_sync(profile=profile)


@transaction.atomic
def featuring_consent_set(*, profile: SpeakerProfilePage, consent: bool) -> None:
    """Yes or no to being featured on the home page; a no removes every featured item of
    this consultant's from the home page at once (the home page asks at each view)."""
    when = timezone.now() if consent else None
    SpeakerProfilePage.objects.filter(pk=profile.pk).update(featuring_consent_at=when)
    profile.featuring_consent_at = when
    cache_purge.home_purge(profile=profile)


@transaction.atomic
def old_versions_forget(*, profile: SpeakerProfilePage) -> int:
    """Delete every revision of the consultant's pages but the live and the latest ones,
    and every other trace of older text, and the redirects from their old
    addresses; returns how many revisions went.

    For when a consultant removes identifying details: old titles and text must not
    survive in revisions, the history (log entries' labels and data), review comments or
    the search index, nor an old address (a slug with a name in it) keep leading to
    them. The history keeps what happened and when, under the current title.
    """
    pages = list(Page.objects.descendant_of(profile, inclusive=True).specific())
    keep = {pk for page in pages for pk in (page.live_revision_id, page.latest_revision_id) if pk}
    page_ids = [page.pk for page in pages]
    stale = Revision.page_revisions.filter(object_id__in=[str(pk) for pk in page_ids]).exclude(
        pk__in=keep
    )
    count, _ = stale.delete()
    for revision in Revision.objects.filter(pk__in=keep):
        # A revision records the draft title from before it was saved (an older title)
        # and a copy of the page's comments, which go below.
        revision.content["draft_title"] = revision.content.get("title")
        revision.content[COMMENTS_RELATION_NAME] = []
        revision.save(update_fields=["content"])
    for page in pages:
        entries = PageLogEntry.objects.filter(page_id=page.pk)
        entries.exclude(revision_id=None).exclude(revision_id__in=keep).delete()
        # Labels hold the title of their day; data old titles, parents' titles, comments.
        entries.update(label=page.title, data={})
    Comment.objects.filter(page_id__in=page_ids).delete()
    search_index_refresh(objects=pages)
    Redirect.objects.filter(redirect_page__in=page_ids).delete()
    return count


def pages_delete(*, user: User) -> None:
    """A consultant's pages with their history: revisions and log lines keep old text."""
    for profile in SpeakerProfilePage.objects.filter(consultant=user):
        ids = list(Page.objects.descendant_of(profile, inclusive=True).values_list("pk", flat=True))
        profile.delete()
        # After the deletion: Wagtail logs the deletion itself, with the page's title.
        Revision.page_revisions.filter(object_id__in=[str(pk) for pk in ids]).delete()
        PageLogEntry.objects.filter(page_id__in=ids).delete()
        # After the commit, when the account's images have left the index as well.
        search_index_compact_after_commit()


def profile_for(user: User) -> SpeakerProfilePage | None:
    return SpeakerProfilePage.objects.filter(consultant=user).first()


@transaction.atomic
def testimonial_approve(*, testimonial: Testimonial) -> None:
    testimonial.approved_at = timezone.now()
    testimonial.save(update_fields=["approved_at"])


@transaction.atomic
def testimonial_decline(*, testimonial: Testimonial) -> None:
    """A declined testimonial is deleted: nothing the consultant refused is kept."""
    testimonial.delete()

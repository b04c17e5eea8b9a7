from django.dispatch import receiver
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
    workflow_approved,
)

from accounts.signals import account_deleting, account_exporting, consultant_workspace_created
from portfolio import cache_purge, selectors, services
from portfolio.models import ConsultantPage, SpeakerProfilePage


@receiver(consultant_workspace_created)
def create_profile(sender, workspace, **kwargs):
    services.profile_create(workspace=workspace)


@receiver(account_deleting)
def delete_pages(sender, user, **kwargs):
    services.pages_delete(user=user)


@receiver(account_exporting)
def export_records(sender, user, **kwargs):
    return selectors.records_of(user=user)


@receiver(page_published)
@receiver(page_unpublished)
def sync_visibility(sender, instance, **kwargs):
    if isinstance(instance, ConsultantPage):
        services.visibility_sync(profile=instance.profile)


@receiver(workflow_approved)
def allow_direct_publishing(sender, instance, user=None, **kwargs):
    # `instance` is the workflow state; its object is the page that was approved.
    page = instance.content_object.specific
    if isinstance(page, ConsultantPage):
        profile = page.profile
        if isinstance(profile, SpeakerProfilePage):
            services.direct_publishing_grant(profile=profile)


@receiver(pre_page_move)
@receiver(post_page_move)
def purge_moved(sender, instance, **kwargs):
    # Before the move its old addresses, after it the new ones. (A deleted page is
    # unpublished first by Wagtail, which reaches sync_visibility above.)
    if isinstance(instance.specific, ConsultantPage):
        cache_purge.profile_purge(profile=instance.specific.profile)


@receiver(page_slug_changed)
def purge_old_addresses(sender, instance, instance_before, **kwargs):
    if isinstance(instance, ConsultantPage):
        cache_purge.renamed_purge(page=instance, old_url=instance_before.get_full_url())

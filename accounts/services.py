"""Writes that concern accounts. Keyword-only, atomic."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Collection, GroupCollectionPermission

from accounts.enums import Role
from accounts.models import ConsultantWorkspace, User
from accounts.signals import account_deleting, consultant_workspace_created

# Wagtail checks image permissions against wagtailimages.Image, whatever the image model.
CONSULTANT_IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image", "delete_image")


@transaction.atomic
@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete an account and everything that is its own, files included (on commit).

    What it shared with others stays only where the others need it: an organization
    keeps the messages its members wrote; a consultant's bookings, messages, invoices and
    ratings go with the consultant (docs/privacy.md).
    """
    if user.is_superuser:
        raise ValidationError(_("A site administrator's account is removed by another one."))
    account_deleting.send(sender=User, user=user)
    workspace = ConsultantWorkspace.objects.filter(user=user).first()
    user.delete()
    if workspace is not None:
        # Images go with their collection; Wagtail deletes their files on commit.
        workspace.collection.delete()
        workspace.group.delete()


def user_language_set(*, user: User, language: str) -> None:
    if language in dict(settings.LANGUAGES) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def user_register(*, user: User, role: str) -> User:
    """Save a new user with their role and, for a consultant, their workspace, or nothing."""
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}")
    user.role = role
    user.save()
    if role == Role.CONSULTANT:
        consultant_workspace_create(user=user)
    return user


@transaction.atomic
def consultant_workspace_create(*, user: User) -> ConsultantWorkspace:
    """A media collection and a personal group that may use only that collection.

    Names carry the account's random id, never a name or e-mail address.
    """
    existing = ConsultantWorkspace.objects.filter(user=user).first()
    if existing:
        return existing
    label = f"consultant-{user.public_id.hex[:12]}"
    collection = Collection.get_first_root_node().add_child(name=label)
    group = Group.objects.create(name=label)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in CONSULTANT_IMAGE_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )
    user.groups.add(group)
    workspace = ConsultantWorkspace.objects.create(user=user, collection=collection, group=group)
    consultant_workspace_created.send(sender=ConsultantWorkspace, workspace=workspace)
    return workspace

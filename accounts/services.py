"""Writes that concern accounts. Keyword-only, atomic."""

from allauth.usersessions.models import UserSession
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from accounts.enums import Role
from accounts.models import ConsultantWorkspace, User
from accounts.selectors import permissions_named
from accounts.signals import account_deleting, consultant_workspace_created

# Wagtail checks image permissions against wagtailimages.Image, whatever the image model.
CONSULTANT_IMAGE_PERMISSIONS = ("add_image", "change_image", "choose_image", "delete_image")


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete an account and everything that is its own, files included (on commit).

    What it shared with others stays only where the others need it: an organization
    keeps the messages its members wrote, and its copy of a consultant's invoices without
    the link to the person; a consultant's bookings, messages and ratings go with the
    consultant (docs/privacy.md).
    """
    if user.is_superuser:
        raise ValidationError(_("A site administrator's account is removed by another one."))
    account_deleting.send(sender=User, user=user)
    workspace = ConsultantWorkspace.objects.filter(user=user).first()
    own = [user]
    if workspace is not None:
        images = get_image_model().objects.filter(collection_id=workspace.collection_id)
        own += [*images, workspace.collection, workspace.group]
    tag_ids = {tag.pk for obj in own if hasattr(obj, "tags") for tag in obj.tags.all()}
    _log_entries_forget(user=user, objects=own)
    _sessions_end(user=user)
    user.delete()
    if workspace is not None:
        # Images go with their collection; Wagtail deletes their files on commit.
        workspace.collection.delete()
        workspace.group.delete()
    # A tag that only this person's images used would keep its name in taggit's table.
    Tag.objects.filter(pk__in=tag_ids, taggit_taggeditem_items=None).delete()


def _log_entries_forget(*, user: User, objects) -> None:
    """Wagtail's history of the person's objects (labels are their titles), and the
    person's name on lines about other objects."""
    for obj in objects:
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        ).delete()
    ModelLogEntry.objects.filter(user_id=user.pk).update(user=None)
    PageLogEntry.objects.filter(user_id=user.pk).update(user=None)


def _sessions_end(*, user: User) -> None:
    """Sign the person out everywhere: the cascade deletes allauth's session records but
    not the sessions they point to, which still hold the account's id."""
    for session in UserSession.objects.filter(user=user):
        session.end()


@transaction.atomic
def user_language_set(*, user: User, language: str) -> None:
    """The person's language, for e-mails sent later and for the Wagtail admin, whose own
    preference follows it (a Spanish-speaking consultant gets a Spanish admin on any
    browser). Choosing another admin language in the admin's account page still works."""
    if language not in dict(settings.LANGUAGES):
        return
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    _admin_language_set(user=user, language=language)


def _admin_language_set(*, user: User, language: str) -> None:
    profile = UserProfile.get_for_user(user)
    if profile.preferred_language != language:
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])


@transaction.atomic
def user_register(*, user: User, role: str) -> User:
    """Save a new user with their role and, for a consultant, their workspace, or nothing."""
    if role not in Role.values:
        raise ValueError(f"Unknown role {role!r}")
    user.role = role
    user.save()
    if user.language:
        _admin_language_set(user=user, language=user.language)
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
    group.permissions.add(*permissions_named("wagtailadmin", ("access_admin",)))
    for permission in permissions_named("wagtailimages", CONSULTANT_IMAGE_PERMISSIONS):
        GroupCollectionPermission.objects.create(
            group=group, collection=collection, permission=permission
        )
    user.groups.add(group)
    workspace = ConsultantWorkspace.objects.create(user=user, collection=collection, group=group)
    consultant_workspace_created.send(sender=ConsultantWorkspace, workspace=workspace)
    return workspace

"""Consultants' accounts and workspaces, as accounts.services.user_register leaves them.

The user with a verified address; a workspace: a media collection under the root, a
personal group allowed into the admin and that collection, membership of that group and
of the network group. Written in bulk by bench/gen_people.py.
"""

from types import SimpleNamespace

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission

from accounts.enums import Role
from accounts.models import ConsultantWorkspace, User
from accounts.services import CONSULTANT_IMAGE_PERMISSIONS
from bench import gen_tree
from portfolio.enums import NETWORK_GROUP


def users(addresses: list[str]) -> list[SimpleNamespace]:
    """Consultants with an unusable password and a verified address, as sign-up leaves them."""
    unusable = make_password(None)
    rows = [
        {"email": address, "role": Role.CONSULTANT, "password": unusable, "first_name": ""}
        for address in addresses
    ]
    ids = gen_tree.write_returning_ids(User, rows)
    gen_tree.write(
        EmailAddress,
        [
            {"user_id": pk, "email": row["email"], "verified": True, "primary": True}
            for pk, row in zip(ids, rows, strict=True)
        ],
    )
    return [
        SimpleNamespace(pk=pk, email=row["email"], public_id=row["public_id"])
        for pk, row in zip(ids, rows, strict=True)
    ]


def workspaces(users) -> list[SimpleNamespace]:
    """Each consultant's collection and personal group (accounts.services.user_register)."""
    root = Collection.get_first_root_node()
    paths = gen_tree.next_positions(root, len(users))
    labels = [f"consultant-{u.public_id.hex[:12]}" for u in users]
    collections = gen_tree.write_returning_ids(
        Collection,
        [
            {"name": label, "path": path, "depth": root.depth + 1, "numchild": 0}
            for label, path in zip(labels, paths, strict=True)
        ],
    )
    gen_tree.recount(root)
    groups = gen_tree.write_returning_ids(Group, [{"name": label} for label in labels])
    admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    gen_tree.write(
        Group.permissions.through,
        [{"group_id": group, "permission_id": admin.pk} for group in groups],
    )
    image_permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailimages", codename__in=CONSULTANT_IMAGE_PERMISSIONS
        ).values_list("pk", flat=True)
    )
    gen_tree.write(
        GroupCollectionPermission,
        [
            {"group_id": group, "collection_id": collection, "permission_id": permission}
            for group, collection in zip(groups, collections, strict=True)
            for permission in image_permissions
        ],
    )
    network = Group.objects.get(name=NETWORK_GROUP)
    gen_tree.write(
        User.groups.through,
        [
            {"user_id": u.pk, "group_id": group_id}
            for u, group in zip(users, groups, strict=True)
            for group_id in (group, network.pk)
        ],
    )
    workspaces = [
        SimpleNamespace(user_id=u.pk, collection_id=collection, group_id=group)
        for u, collection, group in zip(users, collections, groups, strict=True)
    ]
    gen_tree.write(ConsultantWorkspace, [vars(w).copy() for w in workspaces])
    return workspaces

"""What of the Wagtail admin a person who is not an editor may reach.

Editors and superusers have the whole admin. A consultant has the admin for their own
pages and media and nothing else: every admin URL name they may open is listed in
CONSULTANT_REACH with, for each part of the URL that names an object, the question that
object must pass. Anything else (reports, users, workflows, snippets, documents, the
admin's own listings of other people's things) is not found, exactly like a missing id,
so that nothing confirms that someone else's page, image or account exists. A new admin
URL is out of reach until it is added here.

Everyone else who is signed in (organization members, people without a role) has no
admin at all.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.module_loading import import_string
from wagtail import hooks
from wagtail.admin.models import EditingSession
from wagtail.images import get_image_model
from wagtail.models import (
    Page,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)
from wagtail.permissions import page_permission_policy, policy_registry

from accounts.rules import is_editor

# Kinds of objects a URL can name, each answered by one question below.
OWN_PAGE = "own_page"  # a page in the person's own tree (they hold a permission on it)
EXPLORABLE_PAGE = "explorable_page"  # a page Wagtail lets them open in the explorer
CHOOSABLE_PAGE = "choosable_page"  # a page the page chooser lists for them
OWN_IMAGE = "own_image"  # an image in a collection they hold a permission on
OWN_REVISION = "own_revision"  # a revision of the page named in the same URL
OWN_WORKFLOW_STATE = "own_workflow_state"
OWN_TASK_STATE = "own_task_state"
OWN_UPLOAD = "own_upload"  # a file they uploaded and have not yet saved as an image
OWN_EDITING_SESSION = "own_editing_session"  # the editor starts one before any ping
PAGE_MODEL = "page_model"  # the model of an editing session must be a page type
ANY_TASK = "any_task"  # the editors' review tasks: names of a shared process, not personal

OWN_PAGE_ACTIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
IMAGE_ACTIONS = ("add", "change", "delete", "choose")

# Admin URL name -> {URL keyword, "?name" query parameter or "form:name" posted field:
# kind of object}. Wagtail's move, copy and parent forms name the chosen parent page in
# their refusal, so a posted parent must pass too.
_PAGE = {"page_id": OWN_PAGE}
_PARENT = {"parent_page_id": OWN_PAGE}
_IMAGE = {"image_id": OWN_IMAGE}
_REVISION = {"page_id": OWN_PAGE, "revision_id": OWN_REVISION}
CONSULTANT_REACH = {
    # The shell of the admin.
    "wagtailadmin_home": {},
    "wagtailadmin_account": {},
    "wagtailadmin_login": {},
    "wagtailadmin_logout": {},
    "wagtailadmin_dismissibles": {},
    "wagtailadmin_block_preview": {},
    "wagtailadmin_sprite": {},
    "wagtailadmin_javascript_catalog": {},
    "wagtailadmin_tag_autocomplete": {},
    "wagtailadmin_editing_sessions:ping": {
        "model_name": PAGE_MODEL,
        "object_id": OWN_PAGE,
        "session_id": OWN_EDITING_SESSION,
    },
    "wagtailadmin_editing_sessions:release": {"session_id": OWN_EDITING_SESSION},
    # Their own pages.
    "wagtailadmin_explore_root": {},
    "wagtailadmin_explore": {"parent_page_id": EXPLORABLE_PAGE},
    "wagtailadmin_explore_results": {"parent_page_id": EXPLORABLE_PAGE},
    "wagtailadmin_api:pages:listing": {"?child_of": EXPLORABLE_PAGE},
    "wagtailadmin_api:pages:detail": {"pk": EXPLORABLE_PAGE},
    "wagtailadmin_pages:search": {},
    "wagtailadmin_pages:search_results": {},
    "wagtailadmin_pages:choose_parent": {"form:parent_page": OWN_PAGE},
    "wagtailadmin_pages:add": _PARENT,
    "wagtailadmin_pages:preview_on_add": _PARENT,
    "wagtailadmin_pages:add_subpage": _PARENT,
    "wagtailadmin_pages:edit": _PAGE,
    "wagtailadmin_pages:preview_on_edit": _PAGE,
    "wagtailadmin_pages:view_draft": _PAGE,
    "wagtailadmin_pages:usage": _PAGE,
    "wagtailadmin_pages:delete": _PAGE,
    "wagtailadmin_pages:unpublish": _PAGE,
    "wagtailadmin_pages:copy": {"page_id": OWN_PAGE, "form:new_parent_page": OWN_PAGE},
    "wagtailadmin_pages:move": {"page_to_move_id": OWN_PAGE, "form:new_parent_page": OWN_PAGE},
    "wagtailadmin_pages:move_confirm": {"page_to_move_id": OWN_PAGE, "destination_id": OWN_PAGE},
    "wagtailadmin_pages:set_page_position": {"page_to_move_id": OWN_PAGE},
    "wagtailadmin_pages:lock": _PAGE,
    "wagtailadmin_pages:unlock": _PAGE,
    "wagtailadmin_pages:history": _PAGE,
    "wagtailadmin_pages:history_results": _PAGE,
    "wagtailadmin_pages:revisions_index": _PAGE,
    "wagtailadmin_pages:revisions_view": _REVISION,
    "wagtailadmin_pages:revisions_revert": _REVISION,
    "wagtailadmin_pages:revisions_unschedule": _REVISION,
    "wagtailadmin_pages:revisions_compare": {
        "pk": OWN_PAGE,
        "revision_id_a": OWN_REVISION,
        "revision_id_b": OWN_REVISION,
    },
    "wagtailadmin_pages:workflow_history": _PAGE,
    "wagtailadmin_pages:workflow_history_detail": {
        "page_id": OWN_PAGE,
        "workflow_state_id": OWN_WORKFLOW_STATE,
    },
    "wagtailadmin_pages:workflow_action": {"page_id": OWN_PAGE, "task_state_id": OWN_TASK_STATE},
    "wagtailadmin_pages:collect_workflow_action_data": {
        "page_id": OWN_PAGE,
        "task_state_id": OWN_TASK_STATE,
    },
    "wagtailadmin_pages:confirm_workflow_cancellation": _PAGE,
    "wagtailadmin_pages:workflow_preview": {"page_id": OWN_PAGE, "task_id": ANY_TASK},
    # Linking from their pages: the page chooser lists what they may view.
    "wagtailadmin_choose_page": {},
    "wagtailadmin_choose_page_child": {"parent_page_id": CHOOSABLE_PAGE},
    "wagtailadmin_choose_page_search": {},
    "wagtailadmin_choose_page_chosen_multiple": {"?id": CHOOSABLE_PAGE},
    "wagtailadmin_choose_page_external_link": {},
    "wagtailadmin_choose_page_email_link": {},
    "wagtailadmin_choose_page_phone_link": {},
    "wagtailadmin_choose_page_anchor_link": {},
    # Their own images (their collection).
    "podium_images_index": {},
    "podium_images_index_results": {},
    "wagtailimages:index": {},
    "wagtailimages:index_results": {},
    "wagtailimages:add": {},
    "wagtailimages:add_multiple": {},
    "wagtailimages:edit": _IMAGE,
    "wagtailimages:delete": _IMAGE,
    "wagtailimages:url_generator": _IMAGE,
    "wagtailimages:url_generator_output": _IMAGE,
    "wagtailimages:preview": _IMAGE,
    "wagtailimages:image_usage": _IMAGE,
    "wagtailimages:edit_multiple": _IMAGE,
    "wagtailimages:delete_multiple": _IMAGE,
    "wagtailimages:create_multiple_from_uploaded_image": {"uploaded_file_id": OWN_UPLOAD},
    "wagtailimages:delete_upload_multiple": {"uploaded_file_id": OWN_UPLOAD},
    "wagtailimages_chooser:choose": {},
    "wagtailimages_chooser:choose_results": {},
    "wagtailimages_chooser:create": {},
    "wagtailimages_chooser:chosen": {"pk": OWN_IMAGE},
    "wagtailimages_chooser:chosen_multiple": {"?id": OWN_IMAGE},
    "wagtailimages_chooser:select_format": _IMAGE,
    # Bulk actions on their own pages and images: see bulk_action_in_reach.
    "wagtail_bulk_action": {},
}

# Which kind each bulk-action model's ids are, and what "all in this listing" is under.
BULK_ACTION_MODELS = {
    ("wagtailcore", "page"): OWN_PAGE,
    (get_image_model()._meta.app_label, get_image_model()._meta.model_name): OWN_IMAGE,
}


def has_whole_admin(user) -> bool:
    return user.is_superuser or is_editor(user)


def is_admin_path(path: str) -> bool:
    return path.startswith(settings.PODIUM_ADMIN_PATH_PREFIX)


def may_reach(request, url_name: str, view_kwargs: dict) -> bool:
    """Whether a signed-in person without the whole admin may open this admin URL."""
    if url_name not in CONSULTANT_REACH:
        return False
    user = request.user
    for key, kind in CONSULTANT_REACH[url_name].items():
        if key.startswith("?"):
            values = request.GET.getlist(key[1:])
        elif key.startswith("form:"):
            values = [v for v in request.POST.getlist(key[5:]) if v]
        else:
            values = [view_kwargs[key]] if key in view_kwargs else []
        if not all(_passes(user, kind, value, view_kwargs) for value in values):
            return False
    if url_name == "wagtail_bulk_action":
        return bulk_action_in_reach(request, view_kwargs)
    return True


def bulk_action_in_reach(request, view_kwargs) -> bool:
    """Every id a bulk action names must be the person's own, "all" included."""
    kind = BULK_ACTION_MODELS.get((view_kwargs["app_label"], view_kwargs["model_name"]))
    ids = request.GET.getlist("id")
    if kind is None or not ids:
        return False
    if "all" in ids:
        # "All" means the children of childOf (a page) or a collection's images, which
        # Wagtail already narrows to the images the person may change.
        parent = request.GET.get("childOf")
        if kind == OWN_PAGE:
            return parent is not None and _passes(request.user, OWN_PAGE, parent, view_kwargs)
        return parent is None or (
            parent.isdigit() and own_collections(request.user).filter(pk=int(parent)).exists()
        )
    return all(_passes(request.user, kind, value, view_kwargs) for value in ids)


def _passes(user, kind, value, view_kwargs) -> bool:
    value = str(value)
    if kind == PAGE_MODEL:
        return _is_page_model(view_kwargs.get("app_label", ""), value)
    if kind == OWN_REVISION and value in ("live", "latest", "earliest"):
        return True
    if kind == EXPLORABLE_PAGE and value == "root":
        return True  # Wagtail's name for the top of what the person may explore
    if not value.isdigit():
        return False
    return _QUESTIONS[kind](user, int(value), view_kwargs)


def own_pages(user):
    return page_permission_policy.instances_user_has_any_permission_for(user, OWN_PAGE_ACTIONS)


def own_collections(user):
    policy = policy_registry.get_by_type(get_image_model())
    return policy.collections_user_has_any_permission_for(user, IMAGE_ACTIONS)


def own_images(user):
    return get_image_model().objects.filter(collection__in=own_collections(user))


def choosable_pages(request_user, pages):
    """The page chooser's own narrowing (construct_page_chooser_queryset hooks)."""
    request = _RequestStandIn(request_user)
    for hook in hooks.get_hooks("construct_page_chooser_queryset"):
        pages = hook(pages, request)
    return pages


class _RequestStandIn:
    # The chooser hooks read request.user and request.viewer. The Viewer is built by the
    # app that knows blocks and memberships, named in settings so accounts needs no import
    # from the apps above it.
    def __init__(self, user):
        self.user = user
        self.viewer = import_string(settings.PODIUM_VIEWER_FACTORY)(user)


def _page_in_url(view_kwargs):
    return view_kwargs.get("page_id", view_kwargs.get("pk"))


def _page_content_types():
    return ContentType.objects.get_for_model(Page)


_QUESTIONS = {
    OWN_PAGE: lambda user, pk, kw: own_pages(user).filter(pk=pk).exists(),
    EXPLORABLE_PAGE: lambda user, pk, kw: (
        page_permission_policy.explorable_instances(user).filter(pk=pk).exists()
    ),
    CHOOSABLE_PAGE: lambda user, pk, kw: choosable_pages(user, Page.objects.filter(pk=pk)).exists(),
    OWN_IMAGE: lambda user, pk, kw: own_images(user).filter(pk=pk).exists(),
    OWN_REVISION: lambda user, pk, kw: Revision.objects.filter(
        pk=pk, base_content_type=_page_content_types(), object_id=str(_page_in_url(kw))
    ).exists(),
    OWN_WORKFLOW_STATE: lambda user, pk, kw: WorkflowState.objects.filter(
        pk=pk, base_content_type=_page_content_types(), object_id=str(_page_in_url(kw))
    ).exists(),
    OWN_TASK_STATE: lambda user, pk, kw: TaskState.objects.filter(
        pk=pk,
        workflow_state__base_content_type=_page_content_types(),
        workflow_state__object_id=str(_page_in_url(kw)),
    ).exists(),
    OWN_UPLOAD: lambda user, pk, kw: UploadedFile.objects.filter(
        pk=pk, uploaded_by_user=user
    ).exists(),
    OWN_EDITING_SESSION: lambda user, pk, kw: EditingSession.objects.filter(
        pk=pk, user=user
    ).exists(),
    ANY_TASK: lambda user, pk, kw: True,
}


def _is_page_model(app_label, model_name) -> bool:
    try:
        model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
    except ContentType.DoesNotExist:
        return False
    return model is not None and issubclass(model, Page)

"""The Wagtail admin shows a consultant their own things only, for every admin URL.

The matrix is generated from the URL conf: every admin URL pattern is filled with the ids
of another consultant's objects (and of missing ones) and opened by every role. Every
response body is searched for the other consultant's marker titles. Each admin URL name
must have a row in REACH below: a new admin URL without one fails the suite, so that its
reach is decided on purpose.
"""

import re
import uuid

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.models import Page, Site, Task, UploadedFile, Workflow

from accounts.models import ConsultantWorkspace
from circle.models import Circle
from cms.models.resources import Resource, ResourceCategory
from core.media.services import image_create
from core.models import PodiumImage
from portfolio import models as portfolio_models
from portfolio.models import BlogPostPage, Language, Topic
from tests.conftest import comparable
from tests.core.images import read_fixture
from tests.factories import (
    ConsultantFactory,
    EditorFactory,
    OrganizationFactory,
    UserFactory,
    member_of,
    published_child,
    published_profile,
)

MARKER = b"SECRET-"
# Views that answer 404 themselves when opened without their parameters.
NEEDS_INPUT = {"wagtailadmin_block_preview"}

# How a consultant reaches each admin URL name (route, for unnamed patterns).
OWN = "own"  # theirs to open, but it names an object: someone else's is not found
SHELL = "shell"  # theirs to open, names nothing: shows nothing of anyone else's
OUT = "out"  # not theirs at all: not found, like a missing page
SIGN_IN = "sign-in"  # the site's own sign-in and sign-out, the same for everyone
ASSET = "asset"  # the admin's icons and translations of its scripts, the same for everyone

# One worker builds the module's world once (it takes seconds).
pytestmark = pytest.mark.xdist_group("admin_reach")


def _snippet_rows(model: str) -> dict:
    views = "list list_results add edit delete usage history history_results copy"
    choosers = "choose choose_results chosen chosen_multiple create"
    return _rows(f"wagtailsnippets_{model}:", views, OUT) | _rows(
        f"wagtailsnippetchoosers_{model}:", choosers, OUT
    )


def _rows(prefix: str, names: str, reach: str) -> dict:
    return {f"{prefix}{name}": reach for name in names.split()}


REACH = {
    "admin/password_reset/": OUT,
    "admin/password_reset/<path:rest>": OUT,
    "admin/test404/": OUT,
    "admin/^.*/$": OUT,
    "wagtailadmin_login": SIGN_IN,
    "wagtailadmin_logout": SIGN_IN,
    "wagtailadmin_home": SHELL,
    "wagtailadmin_account": SHELL,
    "wagtailadmin_dismissibles": SHELL,
    "wagtailadmin_block_preview": SHELL,
    "wagtailadmin_sprite": ASSET,
    "wagtailadmin_javascript_catalog": ASSET,
    "wagtailadmin_tag_autocomplete": SHELL,
    "podium_images_index": SHELL,
    "podium_images_index_results": SHELL,
    "wagtailadmin_tag_model_autocomplete": OUT,
    "wagtailadmin_error_test": OUT,
    "wagtailadmin_editing_sessions:ping": OWN,
    "wagtailadmin_editing_sessions:release": OWN,
    "wagtailadmin_api:pages:listing": OWN,
    "wagtailadmin_api:pages:detail": OWN,
    "wagtailadmin_explore_root": SHELL,
    "wagtailadmin_explore": OWN,
    "wagtailadmin_explore_results": OWN,
    "wagtail_bulk_action": OWN,
    "wagtailadmin_choose_page": SHELL,
    "wagtailadmin_choose_page_child": OWN,
    "wagtailadmin_choose_page_search": SHELL,
    "wagtailadmin_choose_page_chosen_multiple": OWN,
    **_rows("wagtailadmin_choose_page_", "external_link email_link phone_link anchor_link", SHELL),
    **_rows("wagtailadmin_api:", "pages:find pages:action", OUT),
    **_rows("wagtailadmin_api:", "images:listing images:detail images:find", OUT),
    **_rows("wagtailadmin_api:", "documents:listing documents:detail documents:find", OUT),
    **_rows("wagtailadmin_pages:", "search search_results choose_parent", SHELL),
    **_rows(
        "wagtailadmin_pages:",
        "add preview_on_add usage edit preview_on_edit view_draft add_subpage delete "
        "unpublish move move_confirm set_page_position copy workflow_action "
        "collect_workflow_action_data confirm_workflow_cancellation workflow_preview lock "
        "unlock revisions_index revisions_view revisions_revert revisions_unschedule "
        "revisions_compare workflow_history workflow_history_detail history history_results",
        OWN,
    ),
    **_rows("wagtailadmin_pages:", "type_use type_use_results convert_alias set_privacy", OUT),
    **_rows("wagtailadmin_collections:", "index add edit delete set_privacy", OUT),
    **_rows(
        "wagtailadmin_workflows:",
        "index index_results add enable disable edit usage usage_results remove add_task "
        "select_task_type task_index task_index_results edit_task disable_task enable_task "
        "task_chooser task_chooser_results task_chooser_create task_chosen",
        OUT,
    ),
    **_rows(
        "wagtailadmin_reports:",
        "locked_pages locked_pages_results workflow workflow_results workflow_tasks "
        "workflow_tasks_results site_history site_history_results aging_pages "
        "aging_pages_results page_types_usage page_types_usage_results",
        OUT,
    ),
    **_rows("networking_admin:", "verification_decide report_handle", OUT),
    **_rows("networking_verification:", "index index_results", OUT),
    **_rows("networking_reports:", "index index_results", OUT),
    # The circle's queues are editors' alone.
    **_rows("circle_admin:", "application_decide moderator_set escalation_handle", OUT),
    **_rows("circle_applications:", "index index_results", OUT),
    **_rows("circle_moderators:", "index index_results", OUT),
    **_rows("circle_escalations:", "index index_results", OUT),
    **_rows("wagtailsettings:", "edit preview_on_edit", OUT),
    # Redirects are editors' work: an old address names whom it leads to.
    **_rows(
        "wagtailredirects:",
        "index index_results add edit delete start_import process_import",
        OUT,
    ),
    "wagtailsnippets:index": OUT,
    **_rows("wagtailimages:", "index index_results add add_multiple", SHELL),
    **_rows(
        "wagtailimages:",
        "edit delete url_generator url_generator_output preview image_usage edit_multiple "
        "create_multiple_from_uploaded_image delete_multiple delete_upload_multiple",
        OWN,
    ),
    **_rows("wagtailimages_chooser:", "choose choose_results create", SHELL),
    **_rows("wagtailimages_chooser:", "chosen chosen_multiple select_format", OWN),
    **_rows(
        "wagtaildocs:",
        "index index_results add edit delete add_multiple edit_multiple "
        "create_multiple_from_uploaded_document delete_multiple delete_upload_multiple "
        "document_usage",
        OUT,
    ),
    **_rows("wagtaildocs_chooser:", "choose choose_results chosen chosen_multiple create", OUT),
    **_snippet_rows("portfolio_topic"),
    **_snippet_rows("portfolio_language"),
    **_snippet_rows("portfolio_testimonial"),
    **_snippet_rows("cms_resource"),
    **_snippet_rows("circle_circle"),
    **_rows(
        "wagtailsites:",
        "index index_results add edit delete history history_results usage copy",
        OUT,
    ),
    **_rows(
        "wagtailusers_users:",
        "index index_results add edit delete history history_results usage copy",
        OUT,
    ),
    **_rows(
        "wagtailusers_groups:",
        "index index_results add edit delete history history_results usage",
        OUT,
    ),
    **_rows(
        "",
        "wagtailadmin_password_reset wagtailadmin_password_reset_done "
        "wagtailadmin_password_reset_confirm wagtailadmin_password_reset_complete",
        OUT,
    ),
}


def admin_patterns():
    """(URL name or route, pattern, namespaced name) for every admin URL pattern."""

    def walk(patterns, route, namespaces):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
                yield from walk(pattern.url_patterns, route + str(pattern.pattern), inner)
            elif (route + str(pattern.pattern)).startswith("admin/"):
                name = ":".join((*namespaces, pattern.name)) if pattern.name else None
                yield name or route + str(pattern.pattern), pattern, name

    return list(walk(get_resolver().url_patterns, "", ()))


# Which of the world's objects a URL's `pk` names, by the start of the URL name.
PK_OWNERS = [
    ("wagtailadmin_api:pages", "page"),
    ("wagtailadmin_api:images", "image"),
    ("wagtailadmin_api:documents", "document"),
    ("wagtailadmin_pages:revisions_compare", "page"),
    ("wagtailadmin_collections", "collection"),
    ("wagtailadmin_workflows:edit_task", "task"),
    ("wagtailadmin_workflows:disable_task", "task"),
    ("wagtailadmin_workflows:enable_task", "task"),
    ("wagtailadmin_workflows", "workflow"),
    ("wagtailsettings", "site"),
    ("wagtailsnippets_portfolio_topic", "topic"),
    ("wagtailsnippetchoosers_portfolio_topic", "topic"),
    ("wagtailsnippets_portfolio_language", "language"),
    ("wagtailsnippetchoosers_portfolio_language", "language"),
    ("wagtailsnippets_portfolio_testimonial", "testimonial"),
    ("wagtailsnippetchoosers_portfolio_testimonial", "testimonial"),
    ("wagtailsnippets_cms_resource", "resource"),
    ("wagtailsnippetchoosers_cms_resource", "resource"),
    ("wagtailsnippets_circle_circle", "circle"),
    ("wagtailsnippetchoosers_circle_circle", "circle"),
    ("wagtailsites", "site"),
    ("wagtailusers_users", "user"),
    ("wagtailusers_groups", "group"),
    ("wagtailimages_chooser", "image"),
    ("wagtaildocs_chooser", "document"),
]
KWARG_OWNERS = {
    "page_id": "page",
    "parent_page_id": "page",
    "page_to_move_id": "page",
    "destination_id": "page",
    "page_pk": "page",
    "object_id": "page",
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "revision_id": "revision",
    "revision_id_a": "revision",
    "revision_id_b": "revision",
    "task_state_id": "task_state",
    "workflow_state_id": "workflow_state",
    "task_id": "task",
    "workflow_pk": "workflow",
    "collection_id": "collection",
    "session_id": "session",
    "uploaded_file_id": "upload",
    "application_id": "uuid",
    "report_id": "uuid",
    # The circle's member rows and reports have numbers; any number stands for a missing one.
    "member_id": "user",
    "circle_report_id": "user",
    "redirect_id": "redirect",
}
# Words in URLs that name a kind of thing rather than an object.
WORDS = {
    "app_label": "wagtailcore",
    "model_name": "page",
    "app_name": "core",
    "content_type_app_name": "portfolio",
    "content_type_model_name": "blogpostpage",
    "action": "delete",
    "action_name": "approve",
    "filter_spec": "original",
    "uidb64": "MQ",
    "token": "token",
    "rest": "x",
}
WORD_OVERRIDES = {
    "wagtailsettings:edit": {"model_name": "sitesettings"},
    "wagtailsettings:preview_on_edit": {"model_name": "sitesettings"},
    "wagtailadmin_pages:choose_parent": {"app_label": "portfolio", "model_name": "blogpostpage"},
    "wagtailadmin_workflows:add_task": {"model_name": "groupapprovaltask"},
    "wagtailadmin_tag_model_autocomplete": {"app_name": "taggit", "model_name": "tag"},
}
# Ids that arrive in the query string, as Wagtail's choosers and listings send them.
QUERY_IDS = {
    "wagtailadmin_api:pages:listing": ("child_of", "page"),
    "wagtailadmin_choose_page_chosen_multiple": ("id", "page"),
    "wagtailimages_chooser:chosen_multiple": ("id", "image"),
    "wagtail_bulk_action": ("id", "page"),
}


def _owner_of_pk(name):
    for prefix, owner in PK_OWNERS:
        if name.startswith(prefix):
            return owner
    raise AssertionError(f"{name}: say in PK_OWNERS which object its pk names")


def build_url(key, pattern, name, ids, *, query=""):
    kwargs = {}
    for kwarg in pattern.pattern.regex.groupindex:
        if kwarg in WORDS:
            kwargs[kwarg] = WORD_OVERRIDES.get(name, {}).get(kwarg, WORDS[kwarg])
        elif kwarg == "pk":
            kwargs[kwarg] = ids[_owner_of_pk(name)]
        elif kwarg in KWARG_OWNERS:
            kwargs[kwarg] = ids[KWARG_OWNERS[kwarg]]
        else:
            raise AssertionError(f"{key}: say in KWARG_OWNERS what its {kwarg} names")
    if name is None:
        route = key.replace("<path:rest>", "x").replace("^.*/$", "nowhere/")
        url = "/" + route
    else:
        url = reverse(name, kwargs={k: str(v) for k, v in kwargs.items()})
    if name in QUERY_IDS:
        param, owner = QUERY_IDS[name]
        query = f"{param}={ids[owner]}&{query}"
    return f"{url}?{query}" if query else url


def _image(title, collection, uploaded_by):
    source = SimpleUploadedFile("photo.jpg", read_fixture("DSCN0010.jpg"), "image/jpeg")
    image = image_create(source=source, title=title, collection=collection, uploaded_by=uploaded_by)
    image.tags.add("SECRET-TAG-7Q")
    return image


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Bea's objects, with marker titles, and one person of every role.

    Built once for the module inside a transaction that is rolled back at its end.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        bea = ConsultantFactory()
        profile = published_profile(bea, title="Bea Open Profile", audience="public")
        open_post = published_child(profile, BlogPostPage, title="Bea open post")
        open_post.title = "SECRET-DRAFT-TITLE-4K"
        open_post.save_revision(user=bea)
        private_post = published_child(
            profile, BlogPostPage, title="SECRET-PRIVATE-POST-9Z", audience="private"
        )
        workspace = ConsultantWorkspace.objects.get(user=bea)
        image = _image("SECRET-IMAGE-3X", workspace.collection, bea)
        workflow = Workflow.objects.get(name="Safety review")
        workflow_state = workflow.start(private_post, bea)
        page_type = ContentType.objects.get_for_model(Page)
        session = EditingSession.objects.create(
            user=bea,
            content_type=page_type,
            object_id=str(private_post.pk),
            last_seen_at=timezone.now(),
        )
        upload = UploadedFile.objects.create(
            file=SimpleUploadedFile("upload.jpg", b"x"),
            for_content_type=ContentType.objects.get_for_model(PodiumImage),
            uploaded_by_user=bea,
        )
        document = get_document_model().objects.create(
            title="SECRET-DOCUMENT-5D",
            file=SimpleUploadedFile("notes.pdf", b"%PDF-1.4"),
            collection=workspace.collection,
        )
        testimonial = portfolio_models.Testimonial.objects.create(
            profile=profile, text="SECRET-TESTIMONIAL-2T", author_name="SECRET-AUTHOR-2T"
        )
        editor = EditorFactory()
        superuser = UserFactory(role="", is_superuser=True, is_staff=True)
        for person in (editor, superuser):
            Authenticator.objects.create(user=person, type=Authenticator.Type.TOTP, data={})
        ids = {
            "page": private_post.pk,
            "image": image.pk,
            "document": document.pk,
            "revision": private_post.latest_revision_id,
            "workflow_state": workflow_state.pk,
            "task_state": workflow_state.current_task_state.pk,
            "task": Task.objects.first().pk,
            "workflow": workflow.pk,
            "collection": workspace.collection_id,
            "session": session.pk,
            "upload": upload.pk,
            "uuid": uuid.uuid4(),
            "site": Site.objects.get(is_default_site=True).pk,
            "topic": Topic.objects.create(name="Facilitation", slug="facilitation").pk,
            "language": Language.objects.first().pk,
            "testimonial": testimonial.pk,
            "resource": Resource.objects.create(
                name="Helpline", category=ResourceCategory.values[0]
            ).pk,
            "circle": Circle.objects.create(
                name="Pricing", slug="pricing", description="Fees", kind="topic"
            ).pk,
            "user": bea.pk,
            "group": workspace.group_id,
            # An old address of Bea's that leads to her private post.
            "redirect": Redirect.objects.create(
                old_path="/speakers/SECRET-OLD-ADDRESS-7R", redirect_page=private_post
            ).pk,
        }
        yield {
            "ids": ids,
            "bea": bea,
            "profile": profile,
            "open_post": open_post,
            "private_post": private_post,
            "image": image,
            "people": {
                "consultant": ConsultantFactory(),
                "unverified consultant": ConsultantFactory(verified=False),
                "member of a verified organization": member_of(OrganizationFactory()),
                "member of an unverified organization": member_of(
                    OrganizationFactory(verification="unverified", verified_at=None)
                ),
                "person without a role": UserFactory(role=""),
            },
            "editor": editor,
            "superuser": superuser,
        }
        transaction.set_rollback(True)


MISSING = {
    "page": 999_999,
    "image": 999_999,
    "document": 999_999,
    "revision": 999_999,
    "workflow_state": 999_999,
    "task_state": 999_999,
    "task": 999_999,
    "workflow": 999_999,
    "collection": 999_999,
    "session": 999_999,
    "upload": 999_999,
    "uuid": uuid.UUID(int=1),
    "site": 999_999,
    "topic": 999_999,
    "language": 999_999,
    "testimonial": uuid.UUID(int=2),
    "resource": 999_999,
    "circle": 999_999,
    "user": 999_999,
    "group": 999_999,
    "redirect": 999_999,
}


def test_every_admin_url_has_a_row():
    keys = {key for key, _, _ in admin_patterns()}
    assert sorted(keys - REACH.keys()) == [], "classify these admin URLs in REACH"
    assert sorted(REACH.keys() - keys) == [], "these rows name no admin URL any more"


def _no_marker(response, where):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert MARKER not in body, where
    return body


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["consultant", "unverified consultant"])
def test_a_consultant_reaches_only_their_own_objects(world, who):
    client = Client()
    client.force_login(world["people"][who])
    for key, pattern, name in admin_patterns():
        reach = REACH[key]
        url = build_url(key, pattern, name, world["ids"], query="q=SECRET&term=SECRET")
        response = client.get(url)
        body = _no_marker(response, (who, url))
        if reach in (OWN, OUT):
            assert response.status_code == 404, (who, url, response.status_code)
            missing = client.get(build_url(key, pattern, name, MISSING, query="q=SECRET"))
            assert missing.status_code == 404, url
            assert comparable(missing.content) == comparable(body), url
        elif reach in (SHELL, ASSET) and name not in NEEDS_INPUT:
            assert response.status_code != 404, (who, url)


@pytest.mark.django_db
def test_a_consultant_changes_nothing_of_anyone_elses(world):
    client = Client()
    client.force_login(world["people"]["consultant"])
    for key, pattern, name in admin_patterns():
        if REACH[key] in (OWN, OUT):
            url = build_url(key, pattern, name, world["ids"])
            response = client.post(url, {"title": "Taken", "action-publish": "1"})
            _no_marker(response, url)
            assert response.status_code == 404, url
    private_post = Page.objects.get(pk=world["private_post"].pk)
    assert private_post.title == "SECRET-PRIVATE-POST-9Z"
    assert private_post.live
    assert PodiumImage.objects.filter(pk=world["image"].pk).exists()


@pytest.mark.django_db
def test_every_bulk_action_on_someone_elses_ids_is_not_found(world):
    client = Client()
    client.force_login(world["people"]["consultant"])
    bulk_action_registry._scan_for_bulk_actions()
    owners = {"page": "page", "podiumimage": "image", "user": "user", "document": "document"}
    for app_label, models in bulk_action_registry.actions.items():
        for model_name, actions in models.items():
            pk = world["ids"].get(owners.get(model_name, model_name), 999_999)
            for action in actions:
                url = reverse("wagtail_bulk_action", args=[app_label, model_name, action])
                for query in (f"?id={pk}", "?id=all", "?id=all&childOf=1"):
                    for response in (client.get(url + query), client.post(url + query)):
                        _no_marker(response, url + query)
                        assert response.status_code == 404, url + query
    assert Page.objects.filter(pk=world["private_post"].pk, live=True).exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "who",
    [
        "member of a verified organization",
        "member of an unverified organization",
        "person without a role",
    ],
)
def test_people_without_the_admin_are_sent_to_their_dashboard_once(world, who):
    client = Client()
    client.force_login(world["people"][who])
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain == [(reverse("dashboard"), 302)]
    assert response.status_code == 200
    for key, pattern, name in admin_patterns():
        if REACH[key] in (SIGN_IN, ASSET) or name == "wagtailadmin_home":
            continue
        url = build_url(key, pattern, name, world["ids"])
        response = client.get(url)
        _no_marker(response, (who, url))
        assert response.status_code == 404, (who, url)


@pytest.mark.django_db
def test_visitors_are_sent_to_sign_in_for_every_admin_url(world):
    client = Client()
    for key, pattern, name in admin_patterns():
        if REACH[key] in (SIGN_IN, ASSET) or name is None or "password_reset" in key:
            continue
        for ids in (world["ids"], MISSING):
            response = client.get(build_url(key, pattern, name, ids))
            _no_marker(response, key)
            assert response.status_code == 302, key
            assert response["Location"].startswith(reverse("account_login")), key


def test_the_page_chooser_shows_published_titles_of_other_peoples_pages(world, db):
    client = Client()
    client.force_login(world["people"]["consultant"])
    for url in (
        f"/admin/choose-page/{world['profile'].pk}/",
        "/admin/choose-page/search/?q=Bea",
        f"/admin/choose-page/chosen-multiple/?id={world['open_post'].pk}",
    ):
        response = client.get(url)
        assert b"Bea open post" in response.content, url
        _no_marker(response, url)


def test_a_pasted_address_of_a_private_page_gives_away_nothing(world, db):
    client = Client()
    client.force_login(world["people"]["consultant"])
    for path in (world["private_post"].url, world["open_post"].url):
        response = client.post(
            "/admin/choose-external-link/",
            {
                "external-link-chooser-url": path,
                "external-link-chooser-link_text": "",
            },
        )
        assert response.status_code == 200
        assert response.json()["result"]["url"] == path
        _no_marker(response, path)


def test_the_tag_autocomplete_offers_only_the_persons_own_tags(world, db):
    client = Client()
    client.force_login(world["people"]["consultant"])
    assert client.get("/admin/tag-autocomplete/?term=SECRET").json() == []
    client.force_login(world["bea"])
    assert client.get("/admin/tag-autocomplete/?term=SECRET").json() == ["SECRET-TAG-7Q"]


@pytest.mark.parametrize("who", ["editor", "superuser"])
def test_editors_and_superusers_keep_the_whole_admin(world, db, who):
    client = Client()
    client.force_login(world[who])
    ids = world["ids"]
    for url, shows in (
        (f"/admin/bulk/wagtailcore/page/delete/?id={ids['page']}", True),
        (f"/admin/bulk/core/podiumimage/delete/?id={ids['image']}", True),
        (f"/admin/choose-page/{world['profile'].pk}/", True),
        (f"/admin/pages/{world['profile'].pk}/", True),
        (f"/admin/pages/{ids['page']}/edit/", True),
        (f"/admin/images/{ids['image']}/", True),
        ("/admin/reports/page-types-usage/", False),
        ("/admin/reports/site-history/", False),
        ("/admin/tag-autocomplete/?term=SECRET", True),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        if shows:
            assert MARKER in response.content, url


def test_a_consultants_admin_offers_no_link_that_is_not_found(world, db):
    client = Client()
    client.force_login(world["people"]["consultant"])
    body = client.get("/admin/").content.decode()
    # Links and the sidebar's menu items (JSON), not the script settings' API addresses.
    linked = set(re.findall(r'(?:href="|"url": ")(/admin/[^"?#]*)', body))
    assert "/admin/images/" in linked
    out_of_reach = []
    for path in linked:
        match = resolve(path)
        if REACH.get(match.view_name or match.route) not in (OWN, SHELL, SIGN_IN, ASSET):
            out_of_reach.append(path)
    assert out_of_reach == []


def test_a_posted_parent_page_of_someone_else_is_not_found(world, db):
    consultant = world["people"]["consultant"]
    client = Client()
    client.force_login(consultant)
    own = consultant.speaker_profile.pk
    for url, field in (
        (f"/admin/pages/{own}/copy/", "new_parent_page"),
        (f"/admin/pages/{own}/move/", "new_parent_page"),
        ("/admin/pages/create/portfolio/blogpostpage", "parent_page"),
    ):
        for parent in (world["ids"]["page"], MISSING["page"]):
            response = client.post(url, {field: parent, "new_title": "x", "new_slug": "x"})
            assert response.status_code == 404, url
            _no_marker(response, url)
    assert Page.objects.filter(title="x").count() == 0

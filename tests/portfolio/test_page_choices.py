"""A consultant's page never accepts, or shows back, someone else's image or private page.

Chooser blocks and rich text links in a page's text take any posted id; the page form
holds them to the person's reach, by the real admin edit view and for every chooser
block a consultant page type has.
"""

from pathlib import PurePath

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.chosen import chooser_blocks, references
from core.media.services import image_create
from portfolio.models import BlogPostPage, ConsultantPage, SpeakerProfilePage
from portfolio.page_choices import IMAGE, PAGE, ChoiceReach, kind_of
from tests.core.images import read_fixture
from tests.factories import ConsultantFactory, EditorFactory, published_child, published_profile
from tests.portfolio.test_admin_permissions import profile_form

pytestmark = pytest.mark.django_db

REFUSAL = b"You can choose only images from your own collection"


def stored_image(owner, title):
    source = SimpleUploadedFile("photo.jpg", read_fixture("DSCN0010.jpg"), "image/jpeg")
    return image_create(source=source, title=title, collection=owner.workspace.collection)


@pytest.fixture
def a_post(db):
    profile = published_profile(title="Ana Rivera", audience="public")
    return published_child(profile, BlogPostPage, title="Ana's post")


@pytest.fixture
def b_private():
    """Another consultant's private image and private post: nobody else's to see."""
    b_profile = published_profile(title="Bea Other", audience="public")
    post = published_child(b_profile, BlogPostPage, title="qq-bea-private-post", audience="private")
    return stored_image(b_profile.consultant, "qq-bea-private-photo"), post


def post_form(post, body):
    return nested_form_data(
        {
            "title": post.title,
            "slug": post.slug,
            "summary": "",
            "content_note": "",
            "body": streamfield(body),
            "audience": "public",
        }
    )


def page_link(page, words):
    return f'<p>See <a linktype="page" id="{page.pk}">{words}</a>.</p>'


def assert_nothing_of(response, image, page):
    content = response.content.decode()
    for secret in (image.title, PurePath(image.file.name).stem, page.title, page.slug):
        assert secret not in content
    assert page.url not in content


def test_a_consultants_post_refuses_someone_elses_image_and_private_page(client, a_post, b_private):
    image, private_post = b_private
    revisions = a_post.revisions.count()
    client.force_login(a_post.consultant)

    response = client.post(
        f"/admin/pages/{a_post.pk}/edit/",
        post_form(
            a_post,
            [
                ("image", {"image": image.pk, "alt_text": "", "caption": ""}),
                ("paragraph", rich_text(page_link(private_post, "their notes"))),
            ],
        ),
    )

    assert response.status_code == 200  # the form again, with its error
    assert REFUSAL in response.content
    assert b"their notes" in response.content  # the words stay; only the link went
    assert_nothing_of(response, image, private_post)
    assert a_post.revisions.count() == revisions
    a_post.refresh_from_db()
    assert len(a_post.get_latest_revision_as_object().body) == 0


def test_a_consultants_profile_refuses_links_to_a_private_page(client, b_private):
    image, private_post = b_private
    profile = ConsultantFactory().speaker_profile
    revisions = profile.revisions.count()
    client.force_login(profile.consultant)

    response = client.post(
        f"/admin/pages/{profile.pk}/edit/",
        profile_form(profile, bio=rich_text(page_link(private_post, "their notes"))),
    )

    assert response.status_code == 200
    assert REFUSAL in response.content
    assert_nothing_of(response, image, private_post)
    assert profile.revisions.count() == revisions


def test_own_images_and_pages_others_may_see_are_kept(client, a_post):
    own = stored_image(a_post.consultant, "Ana's own photo")
    public_post = published_child(published_profile(title="Bea Other"), BlogPostPage)
    client.force_login(a_post.consultant)

    response = client.post(
        f"/admin/pages/{a_post.pk}/edit/",
        post_form(
            a_post,
            [
                ("image", {"image": own.pk, "alt_text": "", "caption": ""}),
                ("paragraph", rich_text(page_link(public_post, "a public post"))),
                ("paragraph", rich_text(page_link(a_post, "my post"))),
            ],
        ),
    )

    assert response.status_code == 302
    a_post.refresh_from_db()
    body = a_post.get_latest_revision_as_object().body
    assert body[0].value["image"] == own
    assert f'id="{public_post.pk}"' in body[1].value.source
    assert f'id="{a_post.pk}"' in body[2].value.source


def test_editors_may_choose_any_image_and_page(b_private):
    image, private_post = b_private
    reach = ChoiceReach(user=EditorFactory(), page=BlogPostPage())

    assert not reach.refused(get_image_model(), str(image.pk))
    assert not reach.refused(Page, str(private_post.pk))


def consultant_stream_fields():
    for model in apps.get_models():
        if issubclass(model, ConsultantPage):
            for field in model._meta.get_fields():
                if isinstance(field, StreamField):
                    yield model, field


def raw_choosing(block, target, object_id):
    """Raw data of `block` with `target` (a block inside it) set to a value."""
    if block is target:
        return object_id
    holds = [name for name, child in _children(block) if _contains(child, target)]
    if isinstance(block, blocks.StreamBlock):
        child = block.child_blocks[holds[0]]
        return [{"type": holds[0], "value": raw_choosing(child, target, object_id), "id": "x"}]
    if isinstance(block, blocks.ListBlock):
        return [{"type": "item", "value": raw_choosing(block.child_block, target, object_id)}]
    return {
        name: raw_choosing(child, target, object_id)
        if name in holds
        else child.get_prep_value(child.get_default())
        for name, child in block.child_blocks.items()
    }


def _children(block):
    if isinstance(block, blocks.ListBlock):
        return [("item", block.child_block)]
    return list(getattr(block, "child_blocks", {}).items())


def _contains(block, target):
    return block is target or any(_contains(child, target) for _name, child in _children(block))


def named(field, value):
    return {(kind_of(model), pk) for model, pk in references(field.stream_block, value)}


def test_every_chooser_block_of_a_consultant_page_is_held_to_reach(b_private):
    """Each chooser, at any depth of each consultant page type's StreamFields, is checked.

    The value shown back by the page type's own admin form must have lost the foreign
    image or page, wherever the chooser sits.
    """
    image, private_post = b_private
    foreign = {IMAGE: image.pk, PAGE: private_post.pk}
    consultant = ConsultantFactory()
    checked = []

    for model, field in consultant_stream_fields():
        form_class = model.get_edit_handler().get_form_class()
        form = form_class(instance=model(), for_user=consultant)
        if field.name not in form.fields:
            continue  # not editable in the admin
        for chooser in chooser_blocks(field.stream_block):
            kind = kind_of(chooser.model_class)
            # A chooser of any other kind would need its own reach question first.
            assert kind in foreign, f"{model.__name__}.{field.name}: {chooser.model_class}"
            raw = raw_choosing(field.stream_block, chooser, foreign[kind])
            value = field.stream_block.to_python(raw)
            assert (kind, str(foreign[kind])) in named(field, value)

            shown = form.fields[field.name].bound_data(value, None)

            assert (kind, str(foreign[kind])) not in named(field, shown), model.__name__
            checked.append((model, kind))

    assert (BlogPostPage, IMAGE) in checked


def test_a_consultant_cannot_link_to_the_sites_unpublished_pages(client, a_post):
    from cms.models import HomePage, StandardPage

    draft = StandardPage(title="qq-editors-draft", slug="qq-editors-draft", live=False)
    HomePage.objects.get().add_child(instance=draft)
    client.force_login(a_post.consultant)

    response = client.post(
        f"/admin/pages/{a_post.pk}/edit/",
        post_form(a_post, [("paragraph", rich_text(page_link(draft, "soon")))]),
    )

    assert response.status_code == 200
    assert REFUSAL in response.content
    assert b"qq-editors-draft" not in response.content


def test_a_new_post_and_its_preview_refuse_someone_elses_image(client, a_post, b_private):
    image, private_post = b_private
    profile = a_post.get_parent()
    client.force_login(a_post.consultant)
    body = [("image", {"image": image.pk, "alt_text": "", "caption": ""})]
    posts = BlogPostPage.objects.child_of(profile).count()

    added = client.post(
        f"/admin/pages/add/portfolio/blogpostpage/{profile.pk}/",
        post_form(BlogPostPage(title="A new post", slug="a-new-post"), body),
    )
    preview = client.post(f"/admin/pages/{a_post.pk}/edit/preview/", post_form(a_post, body))
    shown = client.get(f"/admin/pages/{a_post.pk}/edit/preview/")

    assert REFUSAL in added.content
    assert_nothing_of(added, image, private_post)
    assert BlogPostPage.objects.child_of(profile).count() == posts
    assert preview.json()["is_valid"] is False
    assert_nothing_of(shown, image, private_post)


def rich_text_blocks(block):
    if isinstance(block, blocks.RichTextBlock):
        yield block
    for _name, child in _children(block):
        yield from rich_text_blocks(child)


def test_every_rich_text_of_a_consultant_page_is_held_to_reach(b_private):
    """Links and image embeds in every rich text field and block lose a foreign target."""
    image, private_post = b_private
    html = (
        f'<p><a linktype="page" id="{private_post.pk}">notes</a></p>'
        f'<embed embedtype="image" id="{image.pk}" format="fullwidth" alt=""/>'
    )
    foreign = {(PAGE, str(private_post.pk)), (IMAGE, str(image.pk))}
    consultant = ConsultantFactory()
    checked = []

    for model in apps.get_models():
        if not issubclass(model, ConsultantPage):
            continue
        form = model.get_edit_handler().get_form_class()(instance=model(), for_user=consultant)
        for field in model._meta.get_fields():
            if field.name not in form.fields:
                continue
            if isinstance(field, RichTextField):
                shown = form.fields[field.name].bound_data(html, None)
                found = {(kind_of(m), pk) for m, pk in references(None, shown)}
            elif isinstance(field, StreamField):
                for rich in rich_text_blocks(field.stream_block):
                    value = field.stream_block.to_python(
                        raw_choosing(field.stream_block, rich, html)
                    )
                    shown = form.fields[field.name].bound_data(value, None)
                    found = {(kind_of(m), pk) for m, pk in references(field.stream_block, shown)}
                    assert not found & foreign, f"{model.__name__}.{field.name}"
                    checked.append((model, field.name))
                continue
            else:
                continue
            assert not found & foreign, f"{model.__name__}.{field.name}"
            assert "notes" in shown
            checked.append((model, field.name))

    assert (SpeakerProfilePage, "bio") in checked
    assert (SpeakerProfilePage, "lived_experience") in checked
    assert (BlogPostPage, "body") in checked

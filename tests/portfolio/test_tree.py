"""Every page type has a fixed place in the tree."""

import pytest

from cms.models import HomePage, ResourceIndexPage, StandardPage
from portfolio.models import BlogPostPage, SpeakerIndexPage, SpeakerProfilePage, VideoPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page_class", "parents", "children"),
    [
        (
            HomePage,
            {"wagtailcore.page"},
            {"portfolio.speakerindexpage", "cms.resourceindexpage", "cms.standardpage"},
        ),
        (ResourceIndexPage, {"cms.homepage"}, set()),
        (StandardPage, {"cms.homepage", "cms.standardpage"}, {"cms.standardpage"}),
        (SpeakerIndexPage, {"cms.homepage"}, {"portfolio.speakerprofilepage"}),
        (
            SpeakerProfilePage,
            {"portfolio.speakerindexpage"},
            {"portfolio.blogpostpage", "portfolio.videopage"},
        ),
        (BlogPostPage, {"portfolio.speakerprofilepage"}, set()),
        (VideoPage, {"portfolio.speakerprofilepage"}, set()),
    ],
)
def test_page_types_fix_their_place(page_class, parents, children):
    allowed_parents = {
        f"{m._meta.app_label}.{m._meta.model_name}" for m in page_class.allowed_parent_page_models()
    }
    allowed_children = {
        f"{m._meta.app_label}.{m._meta.model_name}" for m in page_class.allowed_subpage_models()
    }
    assert allowed_parents == parents
    assert allowed_children == children


def test_the_directory_is_a_single_page_under_home():
    index = SpeakerIndexPage.objects.get()
    assert isinstance(index.get_parent().specific, HomePage)
    assert SpeakerIndexPage.max_count == 1
    assert index.url == "/speakers/"


def test_a_consultant_has_exactly_one_profile():
    field = SpeakerProfilePage._meta.get_field("consultant")
    assert field.one_to_one

"""The factories leave the search index as the product would: each object indexed once,
in its final state, at the end of the factory."""

import pytest
from django.core.exceptions import ValidationError
from modelsearch import signal_handlers

from portfolio.models import BlogPostPage, SpeakerProfilePage
from tests.factories import published_child, published_profile

pytestmark = pytest.mark.django_db


def test_a_published_profile_and_post_are_found_by_their_final_titles():
    profile = published_profile(title="Quillon Marsh")
    post = published_child(profile, BlogPostPage, title="Lantern notes")

    assert list(SpeakerProfilePage.objects.search("Quillon")) == [profile]
    assert list(SpeakerProfilePage.objects.search("New speaker")) == []
    assert list(BlogPostPage.objects.search("Lantern")) == [post]


def test_the_real_index_task_is_back_after_a_factory_and_after_a_failing_one():
    real = signal_handlers.insert_or_update_object_task
    published_profile(title="Quillon Marsh", slug="quillon-marsh")
    with pytest.raises(ValidationError, match="slug"):
        published_profile(title="Ada Stone", slug="quillon-marsh")

    assert signal_handlers.insert_or_update_object_task is real

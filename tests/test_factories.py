"""The factories leave the search index and Wagtail's reference index as the product
would: each object indexed once, in its final state, at the end of the factory."""

import pytest
from django.core.exceptions import ValidationError
from modelsearch import signal_handlers
from wagtail import signal_handlers as wagtail_signal_handlers
from wagtail.models import ReferenceIndex

from portfolio.models import BlogPostPage, SpeakerProfilePage
from tests.factories import ConsultantFactory, published_child, published_profile
from tests.portfolio.test_page_choices import stored_image

pytestmark = pytest.mark.django_db


def test_a_published_profile_and_post_are_found_by_their_final_titles():
    profile = published_profile(title="Quillon Marsh")
    post = published_child(profile, BlogPostPage, title="Lantern notes")

    assert list(SpeakerProfilePage.objects.search("Quillon")) == [profile]
    assert list(SpeakerProfilePage.objects.search("New speaker")) == []
    assert list(BlogPostPage.objects.search("Lantern")) == [post]


def test_the_reference_index_names_the_page_that_shows_an_image():
    consultant = ConsultantFactory()
    photo = stored_image(consultant, "Portrait")
    profile = published_profile(consultant, title="Quillon Marsh", photo=photo)

    used_by = ReferenceIndex.get_references_to(photo).values_list("object_id", flat=True)
    assert list(used_by) == [str(profile.pk)]


def test_the_real_index_tasks_are_back_after_a_factory_and_after_a_failing_one():
    real = signal_handlers.insert_or_update_object_task
    real_references = wagtail_signal_handlers.update_reference_index_task
    published_profile(title="Quillon Marsh", slug="quillon-marsh")
    with pytest.raises(ValidationError, match="slug"):
        published_profile(title="Ada Stone", slug="quillon-marsh")

    assert signal_handlers.insert_or_update_object_task is real
    assert wagtail_signal_handlers.update_reference_index_task is real_references

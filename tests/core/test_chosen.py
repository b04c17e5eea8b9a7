"""Chosen objects are found and taken out at any depth: streams, structs and lists."""

import pytest
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page

from core.chosen import chooser_blocks, references, remove_refused, rich_text_without_refused

pytestmark = pytest.mark.django_db

ITEM = blocks.StructBlock(
    [("image", ImageChooserBlock(required=False)), ("page", blocks.PageChooserBlock())]
)
STREAM = blocks.StreamBlock([("items", blocks.ListBlock(ITEM))])


def test_a_page_chosen_inside_a_list_of_structs_is_found_and_taken_out():
    page = Page.objects.get(depth=2)
    value = STREAM.to_python(
        [{"type": "items", "value": [{"image": None, "page": page.pk}], "id": "x"}]
    )

    assert len(list(chooser_blocks(STREAM))) == 2
    assert (Page, str(page.pk)) in references(STREAM, value)
    value, removed = remove_refused(STREAM, value, lambda model, pk: model is Page)

    assert removed
    assert STREAM.get_prep_value(value)[0]["value"][0]["value"]["page"] is None


def test_rich_text_keeps_addresses_and_words_and_loses_refused_links():
    html = (
        '<p><a href="https://example.org">out</a> <a linktype="page" id="7">in</a> '
        '<a linktype="page">no id</a></p><embed embedtype="image" id="3" alt=""/>'
    )

    cleaned, removed = rich_text_without_refused(html, lambda model, pk: True)

    assert removed
    assert cleaned == '<p><a href="https://example.org">out</a> in no id</p>'

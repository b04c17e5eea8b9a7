"""Header and footer links (core.blocks.LinkBlock) read pages only when a link names one."""

from unittest import mock

import pytest
from wagtail.models import Page

from core.blocks import LinkBlock

pytestmark = pytest.mark.django_db

ADDRESS = {"label": "Speakers", "label_es": "Ponentes", "page": None, "address": "/speakers/"}


def test_links_to_addresses_build_no_page_query():
    with mock.patch.object(type(Page.objects), "in_bulk") as in_bulk:
        links = LinkBlock().bulk_to_python([ADDRESS, {**ADDRESS, "address": "/resources/"}])

    in_bulk.assert_not_called()
    assert [(link["address"], link["page"], link["label_es"]) for link in links] == [
        ("/speakers/", None, "Ponentes"),
        ("/resources/", None, "Ponentes"),
    ]


def test_a_link_to_a_page_reads_the_page_beside_the_addresses():
    root = Page.objects.get(depth=1)
    links = LinkBlock().bulk_to_python([ADDRESS, {**ADDRESS, "page": root.pk, "address": ""}])

    assert links[0]["page"] is None
    assert links[1]["page"] == root

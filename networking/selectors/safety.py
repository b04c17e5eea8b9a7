"""A consultant's blocks."""

from django.db.models import QuerySet

from networking.models import Block
from networking.selectors.common import get_or_hidden
from networking.viewer import as_viewer


def blocks_for(*, consultant) -> QuerySet:
    return Block.objects.filter(consultant_id=as_viewer(consultant).pk).select_related(
        "organization"
    )


def block_for(*, consultant, block_id) -> Block:
    return get_or_hidden(blocks_for(consultant=consultant), block_id)

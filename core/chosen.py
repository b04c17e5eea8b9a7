"""What a StreamField or rich text value names (images, pages), and taking choices out.

A form that may accept only some choices (a consultant's page: what the person may
reach) needs both: the references to check, and the posted value without the refused
ones, so that the form shown again never renders a refused object's title or thumbnail.
Every chooser block is handled, however deep in structs, streams and lists, and every
link or embed type that rich text knows.
"""

import re
from collections.abc import Callable, Iterable

from wagtail import blocks
from wagtail.rich_text import extract_references_from_rich_text, features
from wagtail.rich_text.rewriters import FIND_EMBED_TAG, extract_attrs

# (model, object id as a string) -> must this choice go?
Refused = Callable[[type, str], bool]

# A link element with its text: links cannot nest, so the next </a> closes it.
_LINK_ELEMENT = re.compile(r"<a(\b[^>]*)>(.*?)</a>", re.DOTALL)


def chooser_blocks(block: blocks.Block) -> Iterable[blocks.ChooserBlock]:
    """Every chooser block in a block definition, at any depth."""
    if isinstance(block, blocks.ChooserBlock):
        yield block
    for child in getattr(block, "child_blocks", {}).values():
        yield from chooser_blocks(child)
    child_block = getattr(block, "child_block", None)  # a ListBlock's one kind of item
    if child_block is not None:
        yield from chooser_blocks(child_block)


def references(block: blocks.Block | None, value) -> set[tuple[type, str]]:
    """(model, id) of every object a block value (or, without a block, rich text) names."""
    if value is None:
        return set()
    if block is None:
        found = extract_references_from_rich_text(str(value))
    else:
        found = block.extract_references(value)
    return {(model, str(object_id)) for model, object_id, _path, _content in found}


def remove_refused(block: blocks.Block, value, refused: Refused):
    """The value without refused choices (changed in place where it can be), and if any went."""
    if value is None:
        return value, False
    if isinstance(block, blocks.ChooserBlock):
        if refused(block.model_class, str(value.pk)):
            return None, True
        return value, False
    if isinstance(block, blocks.RichTextBlock):
        value.source, removed = rich_text_without_refused(value.source, refused)
        return value, removed
    if isinstance(block, blocks.StructBlock):
        children = [(name, child, value.get(name)) for name, child in block.child_blocks.items()]
        removed = False
        for name, child, child_value in children:
            value[name], child_removed = remove_refused(child, child_value, refused)
            removed |= child_removed
        return value, removed
    if isinstance(block, blocks.StreamBlock):
        items = list(value)
    elif isinstance(block, blocks.ListBlock):
        items = list(value.bound_blocks)
    else:
        return value, False
    removed = False
    for item in items:
        item.value, item_removed = remove_refused(item.block, item.value, refused)
        removed |= item_removed
    return value, removed


def rich_text_without_refused(html: str, refused: Refused) -> tuple[str, bool]:
    """Refused links keep their words and lose the link; refused embeds go."""
    if not html:
        return html, False
    removed = False

    def names_refused(attrs: dict, handlers: dict, type_attr: str) -> bool:
        handler = handlers.get(attrs.get(type_attr))
        if handler is None:
            return False  # an address, e-mail or phone link names no object
        try:
            found = list(handler.extract_references(attrs))
        except KeyError:
            return True  # a link to an object without saying which: nothing to keep
        return any(refused(model, str(object_id)) for model, object_id, *_rest in found)

    def link(match):
        nonlocal removed
        if names_refused(extract_attrs(match.group(1)), features.get_link_types(), "linktype"):
            removed = True
            return match.group(2)
        return match.group(0)

    def embed(match):
        nonlocal removed
        if names_refused(extract_attrs(match.group(1)), features.get_embed_types(), "embedtype"):
            removed = True
            return ""
        return match.group(0)

    html = _LINK_ELEMENT.sub(link, html)
    html = FIND_EMBED_TAG.sub(embed, html)
    return html, removed

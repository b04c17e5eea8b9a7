"""Pictures of people and pages: a photo's rendition, or a calm generated placeholder.

A placeholder is drawn from a hash of the object's id, so it stays the same on every
visit and differs between neighbours; it never shows initials, which would fill a
phone's first screen and say little. A placeholder is an <img> of an SVG data address
(the CSP allows data: images), never inline <svg> markup: pages then hold no SVG
elements at all, which output-safety checks treat as injected content. Colours are SVG
attributes, so the picture looks the same wherever it is included.
"""

import hashlib
from urllib.parse import quote

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from wagtail.images.models import SourceImageIOError

from core.links import full_url
from portfolio.fragments import filter_form, page_cards, profile_cards

register = template.Library()

# Displayed sizes in CSS pixels; renditions are made at twice the size for sharp screens.
AVATAR_SIZES = {"sm": 48, "md": 96, "lg": 176}

# (background, shapes, figure): soft, low-contrast pairs; nothing here carries meaning.
TONES = [
    ("#e4eee9", "#cfe0d7", "#9dbcab"),  # sage
    ("#f3ebe0", "#e6d8c3", "#c4a98a"),  # sand
    ("#e3ecf4", "#cddcea", "#93afc9"),  # sky
    ("#ece7f2", "#dbd1e8", "#a898c2"),  # lilac
    ("#f3e6e1", "#e8d2c9", "#c79e8f"),  # clay
    ("#e0eeee", "#c8e0e0", "#86b3b3"),  # teal
]


def _seed(obj) -> bytes:
    key = getattr(obj, "pk", None) or getattr(obj, "id", None) or str(obj)
    return hashlib.sha256(f"podium:{key}".encode()).digest()


def _pattern(seed: bytes, width: int, height: int, fill: str) -> SafeString:
    """Three large soft circles, placed and sized by the seed."""
    circles = []
    for n in range(3):
        x = seed[2 + n * 3] * width // 255
        y = seed[3 + n * 3] * height // 255
        r = (height // 4) + seed[4 + n * 3] * height // 510
        circles.append((x, y, r, fill))
    return format_html_join("", '<circle cx="{}" cy="{}" r="{}" fill="{}" opacity="0.7"/>', circles)


def _data_image(svg: str, *, width: int, height: int, css_class: str, loading: str) -> SafeString:
    return format_html(
        '<img class="{}" src="data:image/svg+xml,{}" width="{}" height="{}" alt=""{}>',
        css_class,
        quote(svg, safe="=:/,.-"),
        width,
        height,
        SafeString(loading),
    )


def avatar_placeholder(obj, size: int, *, loading: str = "") -> SafeString:
    seed = _seed(obj)
    background, shapes, figure = TONES[seed[0] % len(TONES)]
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">'
        '<rect width="100" height="100" fill="{background}"/>{pattern}'
        '<circle cx="50" cy="40" r="17" fill="{figure}"/>'
        '<path d="M16 100c2-21 16-33 34-33s32 12 34 33z" fill="{figure}"/>'
        "</svg>",
        background=background,
        pattern=_pattern(seed, 100, 100, shapes),
        figure=figure,
    )
    return _data_image(
        svg,
        width=size,
        height=size,
        css_class="avatar__image avatar__image--drawn",
        loading=loading,
    )


@register.simple_tag
def avatar(profile, size="md", alt="", eager=False):
    """{% avatar profile size="sm|md|lg" %}: the profile's photo, square, or a placeholder.

    `alt` stays empty where the name is next to the picture (a card, a heading), so a
    screen reader does not read the name twice; give the name where it is not.
    """
    pixels = AVATAR_SIZES.get(size, AVATAR_SIZES["md"])
    classes = f"avatar avatar--{size if size in AVATAR_SIZES else 'md'}"
    photo = getattr(profile, "photo", None)
    if photo is None:
        return format_html(
            '<span class="{}">{}</span>', classes, avatar_placeholder(profile, pixels)
        )
    try:
        small = photo.get_rendition(f"fill-{pixels}x{pixels}|format-webp")
        large = photo.get_rendition(f"fill-{pixels * 2}x{pixels * 2}|format-webp")
    except SourceImageIOError:
        # The stored file is missing (a restore without media): a drawing, not an error page.
        return format_html(
            '<span class="{}">{}</span>', classes, avatar_placeholder(profile, pixels)
        )
    return format_html(
        '<span class="{classes}"><img class="avatar__image" src="{small}" '
        'srcset="{small} 1x, {large} 2x" width="{pixels}" height="{pixels}" alt="{alt}"'
        '{loading} decoding="async"></span>',
        classes=classes,
        small=small.url,
        large=large.url,
        pixels=pixels,
        alt=alt,
        loading="" if eager else SafeString(' loading="lazy"'),
    )


# Link previews crop to a square or a wide box around the middle: a square headshot,
# as a JPEG, which every preview reader takes.
SHARE_IMAGE_FILTER = "fill-600x600|format-jpeg"


@register.simple_tag
def share_image(profile) -> str:
    """Open Graph tags for the profile's photo, the copy every visitor sees already
    (renditions are drawn from the scrubbed original); nothing without a photo."""
    photo = getattr(profile, "photo", None)
    if photo is None:
        return ""
    try:
        rendition = photo.get_rendition(SHARE_IMAGE_FILTER)
    except SourceImageIOError:
        return ""
    return format_html(
        '<meta property="og:image" content="{url}">'
        '<meta property="og:image:width" content="{width}">'
        '<meta property="og:image:height" content="{height}">',
        url=full_url(rendition.url),
        width=rendition.width,
        height=rendition.height,
    )


def card_placeholder(obj, kind: str = "post") -> SafeString:
    """A 16:9 picture for a post or video card without an image of its own."""
    seed = _seed(obj)
    background, shapes, figure = TONES[seed[0] % len(TONES)]
    if kind == "video":
        glyph = format_html(
            '<circle cx="80" cy="45" r="15" fill="{}"/><path d="M75 37v16l13-8z" fill="{}"/>',
            figure,
            background,
        )
    else:
        glyph = format_html(
            '<rect x="56" y="30" width="48" height="5" rx="2.5" fill="{0}"/>'
            '<rect x="56" y="42" width="40" height="5" rx="2.5" fill="{0}"/>'
            '<rect x="56" y="54" width="30" height="5" rx="2.5" fill="{0}"/>',
            figure,
        )
    svg = format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90">'
        '<rect width="160" height="90" fill="{}"/>{}{}</svg>',
        background,
        _pattern(seed, 160, 90, shapes),
        glyph,
    )
    return _data_image(svg, width=480, height=270, css_class="card-art", loading=' loading="lazy"')


@register.simple_tag
def card_image(page, kind="post"):
    """The card picture of a post or video: its own image, else a placeholder.

    A video's poster, or a post's first image in its text (selectors attach it as
    `card_picture`, all in one query); decorative, since the card's title names it.
    """
    picture = getattr(page, "card_picture", None)
    if picture is None and kind == "video":
        picture = getattr(page, "poster", None)
    if picture is None:
        return card_placeholder(page, kind)
    try:
        small = picture.get_rendition("fill-480x270|format-webp")
        large = picture.get_rendition("fill-960x540|format-webp")
    except SourceImageIOError:
        return card_placeholder(page, kind)
    return format_html(
        '<img src="{}" srcset="{} 480w, {} 960w" sizes="(min-width: 60rem) 22rem, 100vw" '
        'width="480" height="270" alt="" loading="lazy" decoding="async">',
        small.url,
        small.url,
        large.url,
    )


@register.simple_tag
def cover_image(profile):
    """The profile's cover as a wide, calm banner (decorative: alt is empty)."""
    cover = getattr(profile, "cover_image", None)
    if cover is None:
        return ""
    sizes = [("fill-800x200", 800), ("fill-1440x360", 1440), ("fill-2160x540", 2160)]
    try:
        renditions = [(cover.get_rendition(f"{spec}|format-webp"), w) for spec, w in sizes]
    except SourceImageIOError:
        return ""
    srcset = format_html_join(", ", "{} {}w", [(r.url, w) for r, w in renditions])
    middle = renditions[1][0]
    return format_html(
        '<img class="profile-cover__image" src="{}" srcset="{}" sizes="100vw" '
        'width="{}" height="{}" alt="" decoding="async" fetchpriority="high">',
        middle.url,
        srcset,
        middle.width,
        middle.height,
    )


@register.filter
def lookup(mapping, key):
    """mapping[key], or None: `{{ logos|lookup:testimonial.author_role }}`."""
    return mapping.get(key) if mapping else None


@register.simple_tag(takes_context=True)
def profile_card_items(context, profiles):
    """{% profile_card_items profiles %}: each profile's card as a list item, kept ones read
    in one round trip (portfolio.fragments)."""
    cards = profile_cards(profiles, context["request"])
    return format_html_join("", "<li>{}</li>", ((card,) for card in cards))


@register.simple_tag(takes_context=True)
def page_card_items(context, pages, kind):
    """{% page_card_items posts "post" %}: each post's or video's card as a list item, kept
    ones read in one round trip (portfolio.fragments)."""
    cards = page_cards(pages, kind, context["request"])
    return format_html_join("", "<li>{}</li>", ((card,) for card in cards))


@register.simple_tag(takes_context=True)
def directory_filter_form(context, form):
    """{% directory_filter_form form %}: the filter form's fields, kept rendered per
    filters asked (portfolio.fragments)."""
    return filter_form(form, context["request"])

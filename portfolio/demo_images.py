"""Generated pictures for the demo: illustrated portraits, covers, post images and logos.

Drawn with Pillow from a seed, so every run draws the same pictures. The portraits are
flat illustrations without facial features: nobody could take one for a photo of a real
person. They are stored like any upload (core.services.image_create scrubs them), so
the demo exercises the same pipeline and renditions as real photos.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter

SCALE = 2  # drawn at twice the size, then reduced: smooth edges without antialiasing support

BACKGROUNDS = [
    ((228, 238, 233), (197, 221, 208)),  # sage
    ((243, 235, 224), (230, 214, 190)),  # sand
    ((227, 236, 244), (196, 216, 234)),  # sky
    ((236, 231, 242), (214, 202, 232)),  # lilac
    ((243, 230, 225), (232, 206, 196)),  # clay
    ((224, 238, 238), (190, 222, 222)),  # teal
]
SKIN = [
    (141, 85, 54),
    (198, 134, 66),
    (224, 172, 105),
    (241, 194, 125),
    (255, 219, 172),
    (94, 59, 38),
]
HAIR = [(40, 30, 25), (90, 56, 37), (20, 20, 24), (150, 110, 70), (180, 150, 110), (110, 40, 30)]
CLOTHES = [
    (29, 92, 99),
    (120, 72, 110),
    (196, 110, 70),
    (60, 90, 150),
    (90, 120, 80),
    (160, 60, 70),
]
# Cover palettes: light sky to deep ground.
LANDSCAPES = [
    [(236, 242, 238), (200, 222, 210), (150, 190, 170), (90, 140, 120), (45, 95, 85)],
    [(246, 238, 226), (234, 212, 180), (210, 170, 130), (170, 120, 90), (110, 75, 60)],
    [(232, 240, 248), (196, 214, 236), (150, 180, 215), (100, 135, 180), (55, 85, 130)],
    [(242, 236, 246), (218, 204, 236), (180, 160, 210), (130, 110, 170), (85, 70, 120)],
]


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _jpeg(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()


def _reduced(image: Image.Image) -> Image.Image:
    # Averaging each SCALE x SCALE block: edges as smooth as a resampling filter gives,
    # at a fraction of its cost (the demo draws dozens of these).
    return image.reduce(SCALE)


def portrait(seed: int, size: int = 640) -> bytes:
    """A calm, faceless illustrated portrait: head, hair, shoulders on a soft ground."""
    rng = random.Random(seed)  # noqa: S311 (drawing shapes, nothing secret)
    s = size * SCALE
    light, deep = BACKGROUNDS[seed % len(BACKGROUNDS)]
    image = Image.new("RGB", (s, s), light)
    draw = ImageDraw.Draw(image)
    # Soft rings behind the figure.
    for _ring in range(3):
        r = rng.randint(s // 4, s // 2)
        x, y = rng.randint(0, s), rng.randint(0, s // 2)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=deep)
    skin = SKIN[rng.randrange(len(SKIN))]
    hair = HAIR[rng.randrange(len(HAIR))]
    clothes = CLOTHES[(seed * 7 + 3) % len(CLOTHES)]
    shade = tuple(max(0, c - 28) for c in skin)
    cx = s // 2
    head_w, head_h = int(s * 0.29), int(s * 0.35)
    head_top = int(s * 0.19)
    head = (cx - head_w // 2, head_top, cx + head_w // 2, head_top + head_h)
    style = seed % 5
    if style == 1:  # long hair falls behind the shoulders
        draw.rounded_rectangle(
            (
                cx - int(head_w * 0.72),
                head_top - int(s * 0.03),
                cx + int(head_w * 0.72),
                int(s * 0.78),
            ),
            radius=int(s * 0.14),
            fill=hair,
        )
    # Shoulders and neck.
    draw.rounded_rectangle(
        (int(s * 0.17), int(s * 0.68), int(s * 0.83), int(s * 1.2)),
        radius=int(s * 0.2),
        fill=clothes,
    )
    draw.rectangle(
        (cx - int(s * 0.055), head[3] - int(s * 0.04), cx + int(s * 0.055), int(s * 0.71)),
        fill=shade,
    )
    draw.polygon(
        [
            (cx - int(s * 0.09), int(s * 0.68)),
            (cx + int(s * 0.09), int(s * 0.68)),
            (cx, int(s * 0.77)),
        ],
        fill=shade,
    )
    draw.ellipse(head, fill=skin)
    if style == 0:  # short hair
        draw.chord(
            (head[0] - 6, head[1] - int(s * 0.035), head[2] + 6, head[1] + int(head_h * 0.75)),
            180,
            360,
            fill=hair,
        )
    elif style == 1:
        draw.chord(
            (head[0] - 4, head[1] - int(s * 0.03), head[2] + 4, head[1] + int(head_h * 0.7)),
            170,
            370,
            fill=hair,
        )
    elif style == 2:  # a bun
        r = int(s * 0.075)
        draw.ellipse((cx - r, head[1] - int(r * 1.6), cx + r, head[1] + int(r * 0.4)), fill=hair)
        draw.chord(
            (head[0] - 4, head[1] - int(s * 0.02), head[2] + 4, head[1] + int(head_h * 0.65)),
            180,
            360,
            fill=hair,
        )
    elif style == 3:  # curls
        r = int(s * 0.055)
        for n in range(11):
            angle = math.pi + n * math.pi / 10
            x = cx + int(math.cos(angle) * head_w * 0.52)
            y = head[1] + int(head_h * 0.42) + int(math.sin(angle) * head_h * 0.5)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=hair)
        draw.chord(
            (head[0], head[1] - int(s * 0.02), head[2], head[1] + int(head_h * 0.6)),
            180,
            360,
            fill=hair,
        )
    else:  # a head wrap in the clothes' colour
        wrap = tuple(min(255, c + 40) for c in clothes)
        draw.ellipse(
            (
                head[0] - int(s * 0.03),
                head[1] - int(s * 0.06),
                head[2] + int(s * 0.03),
                head[1] + int(head_h * 0.62),
            ),
            fill=wrap,
        )
    image = image.filter(ImageFilter.SMOOTH)
    return _png(_reduced(image))


def cover(seed: int, width: int = 1800, height: int = 450) -> bytes:
    """Layered soft hills under a pale sky, for a profile's banner."""
    rng = random.Random(seed * 31 + 5)  # noqa: S311 (drawing shapes, nothing secret)
    palette = LANDSCAPES[seed % len(LANDSCAPES)]
    w, h = width * SCALE, height * SCALE
    image = Image.new("RGB", (w, h), palette[0])
    draw = ImageDraw.Draw(image)
    sun_r = int(h * 0.16)
    sun_x, sun_y = rng.randint(int(w * 0.55), int(w * 0.9)), int(h * 0.32)
    draw.ellipse((sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r), fill=(252, 246, 232))
    for layer, colour in enumerate(palette[1:]):
        base = h * (0.42 + layer * 0.14)
        amplitude = h * (0.10 - layer * 0.015)
        frequency = rng.uniform(1.2, 2.6) / w * math.pi * 2
        phase = rng.uniform(0, math.pi * 2)
        points = [(0, h)]
        for x in range(0, w + 20, 20):
            points.append((x, base + amplitude * math.sin(x * frequency + phase)))
        points.append((w, h))
        draw.polygon(points, fill=colour)
    return _jpeg(_reduced(image))


def illustration(seed: int, width: int = 1200, height: int = 675) -> bytes:
    """An abstract composition of soft shapes, for a blog post."""
    rng = random.Random(seed * 13 + 1)  # noqa: S311 (drawing shapes, nothing secret)
    light, deep = BACKGROUNDS[(seed + 2) % len(BACKGROUNDS)]
    accent = CLOTHES[seed % len(CLOTHES)]
    w, h = width * SCALE, height * SCALE
    image = Image.new("RGBA", (w, h), (*light, 255))
    for n in range(7):
        layer = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        draw = ImageDraw.Draw(layer)
        colour = (accent if n % 3 == 0 else deep) + (rng.randint(90, 170),)
        if n % 2:
            r = rng.randint(h // 6, h // 2)
            x, y = rng.randint(0, w), rng.randint(0, h)
            draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
        else:
            x, y = rng.randint(-w // 8, w), rng.randint(-h // 8, h)
            draw.rounded_rectangle(
                (x, y, x + rng.randint(w // 6, w // 2), y + rng.randint(h // 10, h // 3)),
                radius=h // 12,
                fill=colour,
            )
        image = Image.alpha_composite(image, layer)
    return _jpeg(_reduced(image))


def logo(seed: int, size: int = 320) -> bytes:
    """A simple geometric mark on a transparent ground, for an organization."""
    s = size * SCALE
    colour = CLOTHES[seed % len(CLOTHES)]
    soft = tuple(min(255, c + 90) for c in colour)
    image = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    pad = s // 10
    draw.rounded_rectangle((pad, pad, s - pad, s - pad), radius=s // 5, fill=soft)
    c, unit = s // 2, s // 10
    kind = seed % 4
    if kind == 0:  # a rising sun
        for n, r in enumerate((unit * 3, unit * 2, unit)):
            draw.pieslice(
                (c - r, c + unit - r, c + r, c + unit + r),
                180,
                360,
                fill=colour if n % 2 == 0 else soft,
            )
        draw.rectangle((c - unit * 3, c + unit, c + unit * 3, c + unit + unit // 2), fill=colour)
    elif kind == 1:  # three waves
        for row in range(3):
            y = c - unit * 2 + row * unit * 2
            points = [
                (c - unit * 3 + x, y + int(unit * 0.5 * math.sin(x / unit * 1.6)))
                for x in range(0, unit * 6 + 1, 4)
            ]
            draw.line(points, fill=colour, width=unit // 2, joint="curve")
    elif kind == 2:  # linked circles
        r = int(unit * 1.6)
        for dx in (-unit, unit):
            draw.ellipse((c + dx - r, c - r, c + dx + r, c + r), outline=colour, width=unit // 2)
    else:  # a shelter
        draw.polygon([(c - unit * 3, c), (c, c - unit * 3), (c + unit * 3, c)], fill=colour)
        draw.rectangle((c - unit * 2, c, c + unit * 2, c + unit * 3), fill=colour)
        draw.rectangle((c - unit // 2, c + unit, c + unit // 2, c + unit * 3), fill=soft)
    return _png(_reduced(image))

"""Generated portraits for bench consultants: a calm gradient and a circle, no one's face."""

import io

from PIL import Image, ImageDraw

SIZE = 240


def portrait(n: int, size: int = SIZE) -> bytes:
    hue = (n * 37) % 200
    image = Image.new("RGB", (size, size), (40 + hue // 2, 90, 120 + hue // 3))
    draw = ImageDraw.Draw(image)
    draw.ellipse((size // 4, size // 6, 3 * size // 4, 2 * size // 3), fill=(230, 210, 190))
    draw.rectangle((size // 6, 3 * size // 4, 5 * size // 6, size), fill=(60, 60, 90))
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=80)
    return out.getvalue()

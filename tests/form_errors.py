"""Where a page shows a form's errors: beside a field (the input marked invalid and
described by the message, so a screen reader reads the two together) or at the top."""

import re


def field_error(html: str, field: str) -> str | None:
    """The message tied to `field`'s input, or None."""
    described = re.search(rf'<[^>]*id="id_{field}"[^>]*>', html)
    assert described is not None, f"no input for {field}"
    tag = described.group(0)
    describers = re.search(r'aria-describedby="([^"]*)"', tag)
    if 'aria-invalid="true"' not in tag or describers is None:
        return None
    if f"id_{field}_error" not in describers.group(1).split():
        return None
    errors = re.search(rf'<ul class="errorlist" id="id_{field}_error"><li>(.*?)</li>', html)
    return errors.group(1) if errors else None


def form_errors(html: str) -> list[str]:
    return re.findall(r'<ul class="errorlist nonfield"><li>(.*?)</li>', html)

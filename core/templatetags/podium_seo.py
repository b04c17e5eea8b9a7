from django import template

from core.models import site_meta_description

register = template.Library()


@register.simple_tag(takes_context=True)
def meta_description(context) -> str:
    """The page's own description (core.models.BasePage), or the site's on every view
    that is not a page (sign-in, dashboard, errors)."""
    page = context.get("page")
    describe = getattr(page, "get_meta_description", None)
    return describe() if describe is not None else site_meta_description()

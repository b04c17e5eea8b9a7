from django.conf import settings


def content_language(request) -> dict:
    """The language content is written in. The interface may be Spanish while a page is
    English; templates mark content with lang="…" so screen readers pronounce it right
    (WCAG 3.1.2). Wagtail's content localisation is off, so this is the site's language."""
    return {"content_language": settings.LANGUAGE_CODE}

"""The one-sheet as a PDF: the same sections as the printable page, for the same viewer."""

from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.media.pdf import SOFT, Sheet
from core.money import format_money
from core.page_cache import store


def _paragraphs(html: str) -> list[str]:
    text = strip_tags(html.replace("</p>", "\n").replace("<br/>", "\n").replace("<br>", "\n"))
    return [line.strip() for line in text.split("\n") if line.strip()]


def media_kit_pdf(context: dict) -> bytes:
    """PDF bytes for `context` as built by SpeakerProfilePage.sections_context."""
    profile = context["page"]
    sheet = Sheet(profile.title)
    sheet.heading(profile.title, size=20)
    if profile.pronouns:
        sheet.text(profile.pronouns, color=SOFT)
    if profile.headline:
        sheet.text(profile.headline, size=13, color=SOFT)
    for paragraph in _paragraphs(profile.bio):
        sheet.text(paragraph)
    if context["show_lived_experience"]:
        sheet.heading(_("Lived experience"))
        for paragraph in _paragraphs(profile.lived_experience):
            sheet.text(paragraph)
    topics = ", ".join(t.name for t in profile.topics.all())
    if topics:
        sheet.heading(_("Topics"))
        sheet.text(topics)
    languages = ", ".join(str(language) for language in profile.languages.all())
    if languages:
        sheet.heading(_("Languages"))
        sheet.text(languages)
    rates = list(context["rates"])
    if rates:
        sheet.heading(_("Engagements"))
        for rate in rates:
            line = str(rate.get_engagement_type_display())
            if context["show_rates"]:
                line += ": " + _("from %(fee)s %(unit)s") % {
                    "fee": format_money(rate.minimum_fee, rate.currency),
                    "unit": rate.get_unit_display(),
                }
            sheet.text(f"• {line}")
    if profile.no_personal_story or profile.topics_not_discussed:
        sheet.heading(_("Boundaries"))
        if profile.no_personal_story:
            sheet.text(_("Please do not ask for my personal story."))
        if profile.topics_not_discussed:
            sheet.text(_("Topics I will not discuss:") + f" {profile.topics_not_discussed}")
    return sheet.to_bytes()


def kept_media_kit_pdf(context: dict, request) -> bytes:
    """media_kit_pdf(context), kept like the directory's cards (portfolio.fragments).

    Drawing the sheet costs a few hundred milliseconds of CPU (its fonts are read and
    subset each time), so a crawler asking for every one-sheet would keep the server
    busy. What the sheet shows depends only on the profile's publication, the language
    and which of its two audience-bound sections this viewer may see: those make the
    key, never the person. The page cache's generation, replaced by every change to
    something public (a renamed topic included), forgets every kept sheet at once.
    """
    generation = store.parts_generation(request)
    if generation is None:
        return media_kit_pdf(context)
    profile = context["page"]
    published = profile.last_published_at.timestamp() if profile.last_published_at else 0
    sections = f"{int(context['show_lived_experience'])}{int(context['show_rates'])}"
    key = f"one-sheet:{generation}:{get_language()}:{profile.pk}:{published}:{sections}"
    kept = store.parts_read([key]).get(key)
    if kept is None:
        kept = media_kit_pdf(context)
        store.parts_keep({key: kept})
    return kept

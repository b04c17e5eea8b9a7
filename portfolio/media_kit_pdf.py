"""The one-sheet as a PDF: the same sections as the printable page, for the same viewer.

fpdf2 and the Roboto font install from PyPI alone, so `make run` needs no system
package. Roboto covers Latin, Cyrillic, Greek and Vietnamese; a character it lacks is
left out rather than failing the download.
"""

from pathlib import Path

import font_roboto
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from fpdf import FPDF

FONT_DIR = Path(font_roboto.__file__).with_name("files")
INK = (31, 35, 40)
SOFT = (74, 81, 89)


def _paragraphs(html: str) -> list[str]:
    text = strip_tags(html.replace("</p>", "\n").replace("<br/>", "\n").replace("<br>", "\n"))
    return [line.strip() for line in text.split("\n") if line.strip()]


class _Sheet(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.add_font("Roboto", "", str(FONT_DIR / "Roboto-Regular.ttf"))
        self.add_font("Roboto", "B", str(FONT_DIR / "Roboto-Bold.ttf"))
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_creator("Podium")
        self.set_producer("Podium")
        self.add_page()

    def heading(self, text: str, size: int = 13):
        self.ln(3)
        self.set_font("Roboto", "B", size)
        self.set_text_color(*INK)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def text(self, text: str, size: int = 11, color=INK):
        self.set_font("Roboto", "", size)
        self.set_text_color(*color)
        self.multi_cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(1)


def media_kit_pdf(context: dict) -> bytes:
    """PDF bytes for `context` as built by portfolio.views._profile_context."""
    profile = context["page"]
    sheet = _Sheet()
    sheet.set_title(profile.title)
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
                line += ": " + _("from %(currency)s %(fee)s %(unit)s") % {
                    "currency": rate.currency,
                    "fee": f"{rate.minimum_fee:,.0f}",
                    "unit": rate.get_unit_display(),
                }
            sheet.text(f"• {line}")
    if profile.no_personal_story or profile.topics_not_discussed:
        sheet.heading(_("Boundaries"))
        if profile.no_personal_story:
            sheet.text(_("Please do not ask for my personal story."))
        if profile.topics_not_discussed:
            sheet.text(_("Topics I will not discuss:") + f" {profile.topics_not_discussed}")
    return bytes(sheet.output())

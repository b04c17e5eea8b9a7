"""PDF pages in Podium's type (fpdf2 and Roboto, both from PyPI: no system packages).

Roboto covers Latin, Cyrillic, Greek and Vietnamese; a character it lacks is left out
rather than failing the download.

What fpdf2 writes is passed through core.media.pdf_scrub like every PDF that leaves Podium, so
the file says only its title and Podium's name: no creation time, no opening action.
"""

import io
from pathlib import Path

import font_roboto
from fpdf import FPDF

from core.media.pdf_scrub import rebuild_pdf

FONT_DIR = Path(font_roboto.__file__).with_name("files")
INK = (31, 35, 40)
SOFT = (74, 81, 89)


class Sheet(FPDF):
    def __init__(self, title: str):
        super().__init__(format="A4")
        self.add_font("Roboto", "", str(FONT_DIR / "Roboto-Regular.ttf"))
        self.add_font("Roboto", "B", str(FONT_DIR / "Roboto-Bold.ttf"))
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_creator("Podium")
        self.set_producer("Podium")
        self.set_title(title)
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

    def to_bytes(self) -> bytes:
        return rebuild_pdf(io.BytesIO(bytes(self.output())), title=self.title)

"""The settings editors set once for the whole site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField

from core.blocks import LinkBlock, nav_links
from core.i18n import Label, field_label, label


class FairPayBenchmarkBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=120, label=_("source"))
    figure = blocks.CharBlock(max_length=120, label=_("figure"))
    label_es = blocks.CharBlock(max_length=120, required=False, label=_("source in Spanish"))
    figure_es = blocks.CharBlock(max_length=120, required=False, label=_("figure in Spanish"))


# Public figures: the U.S. federal grant cap for consultants (OJP/OVW) and Washington
# State's minimum for people with lived experience.
DEFAULT_BENCHMARKS = [
    (
        "benchmark",
        {
            "label": "US federal grant cap (OJP/OVW)",
            "figure": "$81.25 per hour or $650 per day",
            "label_es": "Tope federal de EE. UU. para subvenciones (OJP/OVW)",
            "figure_es": "81,25 US$ por hora o 650 US$ por día",
        },
    ),
    (
        "benchmark",
        {
            "label": "Washington State lived-experience minimum",
            "figure": "$57 per hour",
            "label_es": "Mínimo del estado de Washington por experiencia vivida",
            "figure_es": "57 US$ por hora",
        },
    ),
]
HOTLINE_NAME = "U.S. National Human Trafficking Hotline"
HOTLINE_NAME_ES = "Línea Nacional contra la Trata de Personas de EE. UU."
HEADER_LINKS = (
    ("Speakers", "Ponentes", "/speakers/"),
    ("Get help", "Obtener ayuda", "/resources/"),
)
FOOTER_LINKS = (
    ("About", "Acerca de", "/about/"),
    ("Fair pay", "Pago justo", "/fair-pay/"),
    ("Code of conduct", "Código de conducta", "/code-of-conduct/"),
    ("Privacy", "Privacidad", "/privacy/"),
    ("Staying safe", "Mantenerse a salvo", "/safety/"),
)


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """What editors set for the whole site. Lives in core because every app reads it."""

    site_name = models.CharField(_("site name"), max_length=80, default="Podium")
    email_sender_name = models.CharField(
        _("e-mail sender name"),
        max_length=80,
        default="Podium",
        help_text=_("Shown as the sender of every e-mail. Keep it neutral."),
    )
    hotline_name = models.CharField(_("hotline name"), max_length=120, default=HOTLINE_NAME)
    hotline_name_es = models.CharField(
        _("hotline name in Spanish"), max_length=120, blank=True, default=HOTLINE_NAME_ES
    )
    hotline_phone = models.CharField(_("hotline phone"), max_length=40, default="1-888-373-7888")
    hotline_text = models.CharField(
        _("hotline text line"), max_length=40, blank=True, default="233733"
    )
    quick_exit_url = models.URLField(
        _("quick exit destination"),
        default="https://www.bbc.co.uk/weather",
        help_text=_("A neutral site that the quick-exit button opens in place of Podium."),
    )
    fair_pay_benchmarks = StreamField(
        [("benchmark", FairPayBenchmarkBlock())],
        blank=True,
        default=DEFAULT_BENCHMARKS,
        verbose_name=_("fair-pay benchmarks"),
        help_text=_("Shown beside every consultant's rate card."),
    )

    header_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        default=nav_links(*HEADER_LINKS),
        verbose_name=_("header links"),
        help_text=_("Shown after Home. Sign-in and account links are always there."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        default=nav_links(*FOOTER_LINKS),
        verbose_name=_("footer links"),
    )

    # Navigation lives here rather than in its own setting: every page reads this row
    # already, so the header and footer cost no extra query.
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("site_name"),
                    FieldPanel("email_sender_name"),
                    FieldPanel("hotline_name"),
                    FieldPanel("hotline_name_es"),
                    FieldPanel("hotline_phone"),
                    FieldPanel("hotline_text"),
                    FieldPanel("quick_exit_url"),
                    FieldPanel("fair_pay_benchmarks"),
                ],
                heading=_("Site"),
            ),
            ObjectList(
                [FieldPanel("header_links"), FieldPanel("footer_links")], heading=_("Navigation")
            ),
        ]
    )

    def benchmark_pairs(self) -> list[tuple[Label, Label]]:
        """The benchmarks in the interface's language where an editor gave Spanish."""
        return [
            (
                label(b.value["label"], b.value.get("label_es")),
                label(b.value["figure"], b.value.get("figure_es")),
            )
            for b in self.fair_pay_benchmarks
        ]

    @property
    def hotline_label(self) -> Label:
        return field_label(self, "hotline_name")

    class Meta:
        verbose_name = _("site settings")

    def __str__(self):
        return str(self._meta.verbose_name)

"""The core app's models. Django looks for them here, so every model of the app is
imported into this module; each lives beside the code it belongs to."""

from core.jobs.models import OutboxEntry
from core.media.models import PodiumImage, PodiumRendition, PodiumVideo, private_storage
from core.models.pages import (
    META_DESCRIPTION_LENGTH,
    BasePage,
    DirectoryIntroMixin,
    SpanishTitleMixin,
    meta_description_text,
    site_meta_description,
)
from core.models.site import (
    DEFAULT_BENCHMARKS,
    FOOTER_LINKS,
    HEADER_LINKS,
    FairPayBenchmarkBlock,
    SiteSettings,
)

__all__ = [
    "DEFAULT_BENCHMARKS",
    "FOOTER_LINKS",
    "HEADER_LINKS",
    "META_DESCRIPTION_LENGTH",
    "BasePage",
    "DirectoryIntroMixin",
    "FairPayBenchmarkBlock",
    "OutboxEntry",
    "PodiumImage",
    "PodiumRendition",
    "PodiumVideo",
    "SiteSettings",
    "SpanishTitleMixin",
    "meta_description_text",
    "private_storage",
    "site_meta_description",
]

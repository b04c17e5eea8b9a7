import warnings

import pillow_heif
from django.apps import AppConfig
from django.conf import settings
from PIL import Image

from core.media.files import delete_files_with_rows


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        # Every process that loads Django (web and Celery) gets the same image limits:
        # a decompression bomb is an error, never just a warning.
        pillow_heif.register_heif_opener()
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        warnings.simplefilter("error", Image.DecompressionBombWarning)

        delete_files_with_rows(self.get_model("PodiumVideo"), "source", "file", "captions")
        # Any change to what visitors see forgets the kept pages (core.page_cache).
        # Invalidation reaches core's models through the outbox, and this module is
        # imported before any model can load: an import cycle with core.models.
        from core.page_cache.invalidation import connect_receivers

        connect_receivers()

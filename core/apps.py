import warnings

from django.apps import AppConfig
from django.conf import settings


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self):
        # Every process that loads Django (web and Celery) gets the same image limits:
        # a decompression bomb is an error, never just a warning.
        import pillow_heif
        from PIL import Image

        pillow_heif.register_heif_opener()
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
        warnings.simplefilter("error", Image.DecompressionBombWarning)

        from core.files import delete_files_with_rows
        from core.models import PodiumVideo

        delete_files_with_rows(PodiumVideo, "source", "file", "captions")

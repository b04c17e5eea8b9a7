"""Uploaded media: storage, upload limits and Wagtail's images. Read through base."""

from config.settings import env
from config.settings.env import BASE_DIR

# --- Media (see core/media/images.py: every original is scrubbed before it is stored) -----
MEDIA_URL = "/media/"
MEDIA_ROOT = env.MEDIA_ROOT or str(BASE_DIR / "media")
PRIVATE_MEDIA_ROOT = env.PRIVATE_MEDIA_ROOT or str(BASE_DIR / "private_media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Scrubbed originals: never under MEDIA_URL, so no URL reaches them.
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/private-media/"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if env.S3_BUCKET:
    _s3_common = {
        "endpoint_url": env.S3_ENDPOINT_URL or None,
        "region_name": env.S3_REGION or None,
        "access_key": env.S3_ACCESS_KEY_ID or None,
        "secret_key": env.S3_SECRET_ACCESS_KEY or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_common,
            "bucket_name": env.S3_BUCKET,
            # Consultants' media reach a browser only through Podium's media view, which
            # redirects to an address signed for a minute: an old link stops working.
            "querystring_auth": True,
            "querystring_expire": 60,
            "default_acl": "private",
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_common,
            "bucket_name": env.S3_PRIVATE_BUCKET or env.S3_BUCKET,
            "location": "" if env.S3_PRIVATE_BUCKET else "private",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 60,
        },
    }

PODIUM_MEDIA_ACCEL_REDIRECT = env.MEDIA_ACCEL_REDIRECT
PODIUM_MEDIA_SENDFILE = env.MEDIA_SENDFILE

FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

WAGTAILIMAGES_IMAGE_MODEL = "core.PodiumImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.media.forms.ScrubbedImageForm"
WAGTAILIMAGES_RENDITION_STORAGE = "default"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# SVG stays out (it can carry script); HEIC/HEIF are accepted and converted on upload.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "heic", "heif", "avif"]
WAGTAILIMAGES_FEATURE_DETECTION_ENABLED = False

# Uploaded videos are streamed to a temporary file, never held in memory.
PODIUM_MAX_VIDEO_UPLOAD_BYTES = 500 * 1024 * 1024

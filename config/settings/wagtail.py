"""The Wagtail admin, its features, and how often a visitor may ask. Read through base."""

from config.settings import env

# --- Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Podium"
WAGTAILADMIN_BASE_URL = env.SITE_URL  # the admin's links in its own e-mails
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False
WAGTAIL_EMAIL_MANAGEMENT_ENABLED = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Off: turning a pasted address into a page link would answer with the title of any
# page at that address, private and draft ones included, whoever pastes it.
WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = ""
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# The admin needs wagtail.documents installed. Only superusers hold document permissions
# until documents get metadata scrubbing (docs/decisions.md); downloads are attachments.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Requests a minute one address may make to the pages that list or show consultants.
PODIUM_DIRECTORY_RATE_PER_MINUTE = env.DIRECTORY_RATE_PER_MINUTE
PODIUM_THROTTLED_PREFIXES = ("/speakers/",)

from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access as admin_only
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from cms import views as cms_views
from cms.sitemap import sitemap_index, sitemap_section
from core import views as core_views
from core.media import admin_views as core_admin_views
from portfolio import media as portfolio_media
from statements import views as statement_views

# A database failure anywhere answers 503 with a calm page (core/outage.py).
handler500 = "core.outage.server_error"

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("style/", core_views.style_guide, name="style_guide"),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-pages-<int:section>.xml", sitemap_section, name="sitemap_section"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    # The footer's language links: GET, so that a visitor's page holds no form or cookie.
    path("language/<str:code>/", account_views.set_language, name="set_language"),
    # Every sign-in goes through allauth (rate limits, MFA); Wagtail's own login and
    # password-reset views are shadowed here, before the admin's URLs.
    path("admin/login/", account_views.admin_login_redirect, name="wagtailadmin_login"),
    path("admin/logout/", account_views.LogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/password_reset/", core_views.not_found),
    path("admin/password_reset/<path:rest>", core_views.not_found),
    # Tag suggestions only from the person's own images and documents.
    path(
        "admin/tag-autocomplete/",
        core_admin_views.tag_autocomplete,
        name="wagtailadmin_tag_autocomplete",
    ),
    # The image listing's tag filter offers the person's own tags only.
    path(
        "admin/images/",
        admin_only(core_admin_views.ImageIndexView.as_view()),
        name="podium_images_index",
    ),
    path(
        "admin/images/results/",
        admin_only(core_admin_views.ImageIndexView.as_view(results_only=True)),
        name="podium_images_index_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/logout/", account_views.LogoutView.as_view(), name="account_logout"),
    path("accounts/signup/", account_views.SignupView.as_view(), name="account_signup"),
    path("accounts/", include("allauth.urls")),
    path("dashboard/", account_views.dashboard, name="dashboard"),
    path("dashboard/delete-account/", account_views.account_delete, name="account_delete"),
    path("dashboard/export.json", account_views.records_export, name="records_export"),
    path("dashboard/", include("portfolio.urls")),
    path("network/", include("networking.urls")),
    path("circle/", include("circle.urls")),
    path("statements/", include("statements.urls")),
    # Where anyone holding a statement's code confirms it: public, never cached or indexed.
    path("verify/", statement_views.verify, name="statement_verify"),
    path("insight/", include("insight.urls")),
    # The organization's side of a referral: outside /circle/, whose name it never sees.
    path("network/suggested-speakers/", include("circle.suggestion_urls")),
]

# Every media address asks who may see the file (portfolio/media.py); in production the
# web server sends the bytes once Podium said yes (docs/deploy.md).
urlpatterns.append(path("media/<path:path>", portfolio_media.serve_media, name="media"))

urlpatterns.append(path("", include(wagtail_urls)))

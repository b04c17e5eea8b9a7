from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from cms import views as cms_views
from cms.sitemap import sitemap
from core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    # Every sign-in goes through allauth (rate limits, MFA); Wagtail's own login and
    # password-reset views are shadowed here, before the admin's URLs.
    path("admin/login/", account_views.admin_login_redirect, name="wagtailadmin_login"),
    path("admin/logout/", account_views.LogoutView.as_view(), name="wagtailadmin_logout"),
    path("admin/password_reset/", core_views.not_found),
    path("admin/password_reset/<path:rest>", core_views.not_found),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("accounts/logout/", account_views.LogoutView.as_view(), name="account_logout"),
    path("accounts/", include("allauth.urls")),
    path("dashboard/", account_views.dashboard, name="dashboard"),
    path("dashboard/delete-account/", account_views.account_delete, name="account_delete"),
    path("dashboard/", include("portfolio.urls")),
    path("network/", include("networking.urls")),
]

if settings.DEBUG:
    # Development only: renditions are served from MEDIA_ROOT; originals live elsewhere.
    urlpatterns.append(path("media/<path:path>", core_views.serve_public_media))

urlpatterns.append(path("", include(wagtail_urls)))

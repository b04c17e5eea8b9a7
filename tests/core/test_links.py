import pytest
from django.conf import settings
from django.test import override_settings

from config.settings import env
from core.links import absolute_url


@override_settings(PODIUM_SITE_URL="https://podium.example")
def test_an_absolute_url_starts_at_the_configured_site_address():
    assert absolute_url("/network/bookings/7/") == "https://podium.example/network/bookings/7/"
    assert absolute_url("/") == "https://podium.example/"


@pytest.mark.parametrize("path", ["network/", "//evil.example/x", "https://evil.example/"])
def test_only_a_path_on_this_site_is_accepted(path):
    with pytest.raises(ValueError, match="a path on this site"):
        absolute_url(path)


def test_the_site_address_comes_from_the_environment_without_a_trailing_slash():
    assert settings.PODIUM_SITE_URL == env.SITE_URL
    assert not settings.PODIUM_SITE_URL.endswith("/")

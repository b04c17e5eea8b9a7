"""A rate card reads its fees in the reader's language, on the page and in the media kit."""

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from tests.factories import published_profile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "fee"),
    [("en", "from USD\xa01,500.00"), ("es", "desde 1.500,00\xa0US$")],
)
def test_rates_read_for_the_reader(client, language, fee):
    profile = published_profile(rates=[("keynote", 1500)], rates_audience="public")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(profile.url).content.decode()
    assert fee in page
    kit = client.get(profile.url + "media-kit/").content.decode()
    assert fee.split(" ", 1)[1] in kit
    pdf = client.get(profile.url + "media-kit/pdf/")
    text = PdfReader(io.BytesIO(pdf.content)).pages[0].extract_text().replace("\xa0", " ")
    assert fee.replace("\xa0", " ") in text

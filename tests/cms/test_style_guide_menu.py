"""The living style page is one click from the admin for editors, and only for them."""

import pytest
from django.urls import reverse

from tests.factories import ConsultantFactory


@pytest.mark.django_db
def test_editors_find_the_style_guide_in_the_admin_menu(editor_client):
    menu = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert f'"{reverse("style_guide")}"' in menu


@pytest.mark.django_db
def test_consultants_have_no_style_guide_in_their_admin_menu(client):
    client.force_login(ConsultantFactory())
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert f'"{reverse("style_guide")}"' not in response.content.decode()

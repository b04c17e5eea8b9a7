import pytest


@pytest.mark.django_db
def test_home_page_renders_with_hotline(client):
    response = client.get("/")
    assert response.status_code == 200
    assert b"1-888-373-7888" in response.content

"""The custom error pages keep the site's look and never need the database."""

import pytest
from django.test import RequestFactory

from collaborations.views.errors import page_not_found, server_error


def test_500_page_is_styled_and_needs_no_database():
    # No django_db mark: any query would fail the test.
    request = RequestFactory().get("/somewhere/")
    response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong" in html and "/static/rallying/site.css" in html
    assert html.count("<h1") == 1


@pytest.mark.django_db
def test_404_page_is_styled(client):
    response = client.get("/typologies/atlantis/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html and 'class="skip-link"' in html


@pytest.mark.django_db
def test_404_handler_renders_the_template():
    response = page_not_found(RequestFactory().get("/nowhere/"))
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_a_form_sent_without_its_csrf_token_gets_a_page_in_the_site_layout():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/submit/", {"name": "x"})
    html = response.content.decode()
    assert response.status_code == 403
    assert '<main id="main"' in html and "This form has expired" in html

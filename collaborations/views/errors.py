"""Error pages in the site's style."""

from django.shortcuts import render


def bad_request(request, exception=None):
    """Django's own 400 view is wrapped in requires_csrf_token, which reads the body again
    and fails the same way (a form sent in another encoding became a 500): not this one."""
    return render(request, "400.html", status=400)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context on purpose: the failure may lie there.
    return render(request, "500.html", status=500)

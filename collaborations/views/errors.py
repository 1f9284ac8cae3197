"""Error pages in the site's style."""

from django.shortcuts import render


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context on purpose: the failure may lie there.
    return render(request, "500.html", status=500)

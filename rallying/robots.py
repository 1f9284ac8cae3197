"""/robots.txt: every public page may be indexed; the admin, moderation, accounts and
private submission pages are not for search engines."""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /moderation/
Disallow: /accounts/
Disallow: /submissions/
"""


@require_safe
@cache_control(max_age=86400, public=True)
def robots(request):
    return HttpResponse(ROBOTS, content_type="text/plain; charset=utf-8")

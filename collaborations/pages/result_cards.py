"""The browse results' cards, rendered once per catalogue version.

A card shows a site's type, place, funding and lead organisation with their marks: five
queries and most of the page's rendering time for a page of 25. What a card shows changes
only when the catalogue does, so each card's HTML is kept under the catalogue version and
a page of results reads its cards in one cache call. What depends on the request (the
compare checkbox, "also known as" for a search) stays outside the cached part.
"""

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from collaborations.models import Site

CARD_TEMPLATE = "includes/site_result_body.html"
CARD_SECONDS = 3600


def _key(version: str, pk: int) -> str:
    return f"rallying:result-card:{version}:{pk}"


def attach_cards(sites, version: str) -> None:
    """Give each site of a page of results its `card` HTML, rendering only missing ones."""
    sites = list(sites)
    keys = {site.pk: _key(version, site.pk) for site in sites}
    cards = cache.get_many(list(keys.values()))
    missing = [pk for pk, key in keys.items() if key not in cards]
    if missing:
        rendered = {
            keys[row.pk]: render_to_string(CARD_TEMPLATE, {"site": row})
            for row in Site.public.for_list().filter(pk__in=missing)
        }
        cache.set_many(rendered, CARD_SECONDS)
        cards.update(rendered)
    for site in sites:
        site.card = mark_safe(cards.get(keys[site.pk], ""))  # noqa: S308 our own template's output

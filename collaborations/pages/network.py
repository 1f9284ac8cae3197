"""The organisations-and-sites network: which organisations take part in which published
sites, drawn as a two-column graph (organisations left, sites right) with a table of the
same links.

Bounded at any catalogue size: the ORGANISATION_LIMIT organisations in the most
published sites, at most LINK_LIMIT of their links, and one aggregate that says how much
of the whole network that is (those read every link, so once per version of the
catalogue). The organisation that studied the research sites is left out and said to be:
it links every research site because it studied them, not because it works in them."""

from dataclasses import dataclass, field

from django.db.models import Count

from collaborations.models import Site, SiteOrganisation
from collaborations.versions import cached_aggregate, catalogue_version

ORGANISATION_LIMIT = 15
LINK_LIMIT = 80
LEFT_OUT_ROLES = ("researcher",)
ROW, TOP, WIDTH = 26, 30, 720
ORG_X, SITE_X = 300, 420  # where the node dots sit
LABEL_CHARS = 40
# Roles drawn in a line style of their own; every other role shares the plain line, and
# the key names the roles each style stands for among the links drawn.
STYLED_ROLES = ("lead", "funder", "evaluator")


@dataclass
class Node:
    name: str
    url: str
    y: float = 0
    links: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.name if len(self.name) <= LABEL_CHARS else self.name[: LABEL_CHARS - 1] + "…"


@dataclass
class Link:
    organisation: Node
    site: Node
    role: str
    role_slug: str

    @property
    def line_style(self) -> str:
        return self.role_slug if self.role_slug in STYLED_ROLES else "other"


@dataclass
class Network:
    organisations: list[Node]
    sites: list[Node]
    links: list[Link]
    all_organisations: int
    all_links: int
    left_out_links: int

    @property
    def height(self) -> int:
        return TOP * 2 + ROW * max(len(self.organisations), len(self.sites), 1)

    @property
    def key(self) -> list[tuple[str, list[str]]]:
        """[(line style, [roles drawn in it])]: only styles some drawn link uses."""
        roles: dict[str, list[str]] = {}
        for link in self.links:
            names = roles.setdefault(link.line_style, [])
            if link.role.lower() not in names:
                names.append(link.role.lower())
        order = [*STYLED_ROLES, "other"]
        return [(style, sorted(roles[style])) for style in order if style in roles]

    width = WIDTH
    org_x, site_x = ORG_X, SITE_X
    org_curve, site_curve = ORG_X + 60, SITE_X - 60  # control points of each link's curve


def _participations():
    public = Site.public.values("pk")
    return SiteOrganisation.objects.filter(site__in=public).exclude(role__slug__in=LEFT_OUT_ROLES)


def _layout(organisations: list[Node], sites: list[Node]) -> None:
    """Organisations by size; each site placed by the mean row of its organisations, so
    lines cross as little as a simple rule allows."""
    for row, node in enumerate(organisations):
        node.y = TOP + ROW * row + ROW / 2
    for site in sites:
        site.y = sum(link.organisation.y for link in site.links) / len(site.links)
    for row, site in enumerate(sorted(sites, key=lambda s: (s.y, s.name))):
        site.y = TOP + ROW * row + ROW / 2


def _whole_network() -> dict:
    """What reads every published link: the organisations in the most sites, and how
    much of the network there is (cached under the catalogue's version)."""
    participations = _participations()
    top = list(
        participations.order_by()
        .values("organisation")
        .annotate(n=Count("site", distinct=True))
        .order_by("-n", "organisation__name")
        .values_list("organisation", flat=True)[:ORGANISATION_LIMIT]
    )
    totals = participations.aggregate(
        organisations=Count("organisation", distinct=True), links=Count("pk")
    )
    left_out = SiteOrganisation.objects.filter(
        site__in=Site.public.values("pk"), role__slug__in=LEFT_OUT_ROLES
    ).count()
    return {"top": top, **totals, "left_out": left_out}


def site_network() -> Network:
    whole = cached_aggregate("network", catalogue_version(), _whole_network)
    rows = (
        _participations()
        .filter(organisation__in=whole["top"])
        .select_related("organisation", "site", "role")
        .order_by("organisation__name", "site__name")[:LINK_LIMIT]
    )
    organisations, sites, links = {}, {}, []
    for row in rows:
        org = organisations.setdefault(
            row.organisation_id, Node(row.organisation.name, row.organisation.get_absolute_url())
        )
        site = sites.setdefault(row.site_id, Node(row.site.name, row.site.get_absolute_url()))
        link = Link(org, site, row.role.name, row.role.slug)
        org.links.append(link)
        site.links.append(link)
        links.append(link)
    ordered = sorted(organisations.values(), key=lambda o: (-len(o.links), o.name))
    _layout(ordered, list(sites.values()))
    return Network(
        organisations=ordered,
        sites=sorted(sites.values(), key=lambda s: s.y),
        links=links,
        all_organisations=whole["organisations"],
        all_links=whole["links"],
        left_out_links=whole["left_out"],
    )

from django.views.generic import TemplateView

from collaborations.pages.fragments import cached_fragment
from collaborations.pages.network import LINK_LIMIT, ORGANISATION_LIMIT, site_network
from collaborations.versions import catalogue_version


class NetworkView(TemplateView):
    """/network/: which organisations take part in which sites."""

    template_name = "collaborations/network.html"

    def get_context_data(self, **kwargs):
        body = cached_fragment(
            "network-page",
            catalogue_version(),
            "collaborations/includes/network_body.html",
            lambda: {
                "network": site_network(),
                "organisation_limit": ORGANISATION_LIMIT,
                "link_limit": LINK_LIMIT,
            },
        )
        return super().get_context_data(network_body=body, **kwargs)

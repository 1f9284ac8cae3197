from django.views.generic import TemplateView

from collaborations.pages.network import LINK_LIMIT, ORGANISATION_LIMIT, site_network


class NetworkView(TemplateView):
    """/network/: which organisations take part in which sites."""

    template_name = "collaborations/network.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            network=site_network(),
            organisation_limit=ORGANISATION_LIMIT,
            link_limit=LINK_LIMIT,
            **kwargs,
        )

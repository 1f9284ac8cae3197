"""/data/releases/: every release, a page per release, its files at stable addresses, and
`latest/` as an alias of the newest."""

import base64

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views import View

from collaborations.models import Site

from .models import Release, ReleaseFile
from .services import release_citation, release_folder

LIST_LENGTH = 100


def _release(version: str) -> Release:
    try:
        major, minor, patch = (int(part) for part in version.split("."))
    except ValueError:
        raise Http404("Not a release number.") from None
    return get_object_or_404(Release, major=major, minor=minor, patch=patch)


class ReleaseListView(View):
    def get(self, request):
        releases = list(Release.objects.order_by("-major", "-minor", "-patch")[:LIST_LENGTH])
        return render(request, "releases/release_list.html", {"releases": releases})


class ReleaseDetailView(View):
    def get(self, request, version):
        release = _release(version)
        url = settings.SITE_URL + release.get_absolute_url()
        context = {
            "release": release,
            "files": list(release.files.all()),
            "citation": release_citation(release, url),
            "is_latest": Release.objects.latest_release() == release,
            "records_by_kind": [
                (Site.Kind(kind).label, n)
                for kind, n in release.counts.get("records_by_kind", {}).items()
                if kind in Site.Kind.values
            ],
        }
        return render(request, "releases/release_detail.html", context)


class ReleaseFileView(View):
    """A release's file: the same bytes for ever (cached as immutable)."""

    def get(self, request, version, name):
        release = _release(version)
        entry = get_object_or_404(ReleaseFile, release=release, name=name)
        path = release_folder(release.version) / entry.name
        if not path.is_file():
            raise Http404("This file is missing from the server; its checksum is on the page.")
        response = FileResponse(
            path.open("rb"),
            as_attachment=True,
            filename=f"rallying-{release.version}-{entry.name}",
            content_type=entry.media_type,
        )
        response["Cache-Control"] = "public, max-age=31536000, immutable"
        response["Digest"] = f"sha-256={_base64(entry.sha256)}"
        return response


def _base64(hex_digest: str) -> str:
    return base64.b64encode(bytes.fromhex(hex_digest)).decode()


class LatestReleaseView(View):
    """The newest release's page or file, by redirect: `latest/` never serves bytes itself,
    so a citation always names the version it got."""

    def get(self, request, name=None):
        release = Release.objects.latest_release()
        if release is None:
            raise Http404("No release has been published yet.")
        if name is None:
            target = release.get_absolute_url()
        else:
            get_object_or_404(ReleaseFile, release=release, name=name)
            target = reverse("releases:file", args=[release.version, name])
        response = HttpResponseRedirect(target)
        response["Cache-Control"] = "no-cache"
        return response

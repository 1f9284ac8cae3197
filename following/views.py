"""Follow a site or a search, list and change one's follows, unsubscribe in one click."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404, render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from collaborations.models import Site

from . import services
from .forms import FollowForm, FrequencyForm
from .models import Follow


class FollowListView(LoginRequiredMixin, View):
    """/follow/: what I follow; POST follows a site or a search."""

    template_name = "following/follow_list.html"

    def get(self, request):
        return render(request, self.template_name, self.context(request))

    def context(self, request, **extra):
        follows = request.user.follows.select_related("site").order_by("-created_at")
        return {"follows": follows, "frequencies": Follow.Frequency.choices, **extra}

    def post(self, request):
        form = FollowForm(request.POST)
        if not form.is_valid():
            problems = [m for errors in form.errors.values() for m in errors]
            return self.refused(request, problems)
        try:
            follow, created = self.follow(request, form.cleaned_data)
        except ValidationError as error:
            return self.refused(request, error.messages)
        how = follow.get_frequency_display().lower()
        if created:
            messages.success(
                request, f"You follow {follow.subject}: a {how} email when it changes."
            )
        else:
            messages.success(request, f"You already followed {follow.subject}; now {how}.")
        return HttpResponseRedirect(self.back(request, follow))

    @staticmethod
    def follow(request, cleaned):
        frequency = cleaned["frequency"]
        if cleaned["site"]:
            site = Site.public.filter(slug=cleaned["site"]).first()
            if site is None:
                raise ValidationError("No published site has that address.")
            return services.follow_create(user=request.user, site=site, frequency=frequency)
        search = services.normalised_search(QueryDict(cleaned["search"]))
        return services.follow_create(user=request.user, search=search, frequency=frequency)

    @staticmethod
    def back(request, follow):
        target = request.POST.get("next", "")
        allowed = url_has_allowed_host_and_scheme(target, {request.get_host()})
        return target if target and allowed else follow.get_absolute_url()

    def refused(self, request, problems):
        context = self.context(request, problems=problems)
        return render(request, self.template_name, context, status=400)


class FollowUpdateView(LoginRequiredMixin, View):
    """/follow/<id>/: change how often, or stop following."""

    def post(self, request, pk):
        follow = get_object_or_404(Follow, pk=pk, user=request.user)
        if request.POST.get("action") == "delete":
            services.follow_delete(follow_id=follow.pk, user=request.user)
            messages.success(request, f"You no longer follow {follow.subject}.")
        else:
            form = FrequencyForm(request.POST)
            if form.is_valid():
                follow.frequency = form.cleaned_data["frequency"]
                follow.save(update_fields=["frequency"])
                how = follow.get_frequency_display().lower()
                messages.success(request, f"Digests about {follow.subject} are now {how}.")
            else:
                messages.error(request, "Choose daily or weekly.")
        return HttpResponseRedirect("/follow/")


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(View):
    """/follow/unsubscribe/<token>/: GET asks (link checkers must not unsubscribe anyone);
    POST stops the follow. Mail programs POST here for one-click unsubscribe (RFC 8058),
    without a CSRF token: the secret token in the address is the proof."""

    template_name = "following/unsubscribe.html"

    def get(self, request, token):
        follow = Follow.objects.select_related("site").filter(token=token).first()
        if follow is None:
            return render(request, self.template_name, {"done": True}, status=404)
        return render(request, self.template_name, {"follow": follow})

    def post(self, request, token):
        follow = services.follow_unsubscribe(token=token)
        if follow is None:
            raise Http404("This link has been used already, or is not one of ours.")
        return render(request, self.template_name, {"done": True, "subject": follow.subject})

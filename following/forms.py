from django import forms

from .models import Follow


class FollowForm(forms.Form):
    """Follow a site (`site`: its slug) or a search (`search`: the browse query string)."""

    site = forms.SlugField(required=False, widget=forms.HiddenInput)
    search = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
    frequency = forms.ChoiceField(
        choices=Follow.Frequency.choices,
        initial=Follow.Frequency.WEEKLY,
        label="Email me a digest",
        widget=forms.RadioSelect,
    )

    def clean(self):
        cleaned = super().clean()
        if bool(cleaned.get("site")) == bool(cleaned.get("search")):
            raise forms.ValidationError("Follow either a site or a search.", code="what")
        return cleaned


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(choices=Follow.Frequency.choices, label="How often")

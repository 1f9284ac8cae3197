"""Template filters for the accountability section of a submission."""

from django import template

from accountability.submission import LINE_DETAIL_PREFIX

register = template.Library()


@register.filter
def line_detail(form, choice_value):
    """The detail field that belongs to an accountability line type's checkbox."""
    return form[LINE_DETAIL_PREFIX + str(choice_value)]

"""Form widgets rendered in Python: Django's template-per-<option> rendering cost ~7 ms on every /pledges/ page."""

from typing import Any

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe


class PlainSelectMixin:
    def render(self, name: str, value: Any, attrs: dict | None = None, renderer: Any = None) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"] if option["value"] is not None else "", mark_safe(" selected") if option["selected"] else "", option["label"])
                for _, group, _ in widget["optgroups"]
                for option in group
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


class PlainSelect(PlainSelectMixin, forms.Select):
    pass


class PlainSelectMultiple(PlainSelectMixin, forms.SelectMultiple):
    pass

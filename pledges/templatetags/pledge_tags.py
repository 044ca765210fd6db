"""Template helpers of the public pages: quantities with their qualifier, highlighted evidence."""

from django import template

from pledges.choices import Qualifier
from pledges.models import Pledge

register = template.Library()


@register.filter
def quantity(pledge: Pledge) -> str:
    """“at least 30”, “4”, or “undisclosed”: never a 0 for a number nobody gave."""
    if pledge.quantity is None:
        return pledge.quantity_text or "undisclosed"
    prefix = "" if pledge.qualifier == Qualifier.EXACT else f"{pledge.get_qualifier_display()} "
    return f"{prefix}{pledge.quantity:,}"


@register.filter
def at_least(total: object) -> str:
    """“at least 1,204, plus 3 undisclosed” for a CategoryTotal (or any object with quantity/undisclosed)."""
    figure = f"at least {getattr(total, 'quantity', 0) or 0:,}"
    undisclosed = getattr(total, "undisclosed", 0) or 0
    if undisclosed:
        figure += f", plus {undisclosed:,} undisclosed"
    return figure


@register.filter
def thousands(number: int | None) -> str:
    """1234567 → “1,234,567”."""
    return f"{number or 0:,}"

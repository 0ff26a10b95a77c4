"""Filters of the admin's history pages (templates/simple_history/): see core.history."""

from django import template

from core.history import display_value, field_label

register = template.Library()


@register.filter
def history_label(column, opts):
    """``{{ column|history_label:opts }}``: the column's Vietnamese heading."""
    return field_label(opts.model, column)


@register.filter
def history_cell(record, column):
    """``{{ record|history_cell:column }}``: the record's value as an editor reads it."""
    return display_value(record.instance_type, column, getattr(record, column, None))

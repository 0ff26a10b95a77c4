"""History pages in the editors' words: labels instead of stored values, local times.

django-simple-history shows a change as ``str()`` of the stored values: "published",
"None", "2026-11-29 02:00:00+00:00" (UTC). An editor in Cao Bằng reads "Đã đăng", "(trống)"
and "09:00 29/11/2026". ``display_value`` is the one formatting rule; the admin mixin
applies it to the "Thay đổi" column and ``templates/simple_history/object_history_list.html``
(through ``portal.templatetags.history_tags``) to the other columns.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.template_utils import HistoricalRecordContextHelper

DATETIME_FORMAT = "%H:%M %d/%m/%Y"
DATE_FORMAT = "%d/%m/%Y"


def display_value(model, field_name, value):
    """``value`` of ``model.field_name`` as an editor reads it (label, local time, "Có")."""
    try:
        field = model._meta.get_field(field_name)
    except FieldDoesNotExist:
        field = None
    if value is None or value == "":
        return _("(trống)")
    if field is not None and getattr(field, "flatchoices", None):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Có") if value else _("Không")
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    return value


def field_label(model, field_name):
    """The field's Vietnamese label, capitalised; the name itself if it is no field."""
    try:
        label = str(model._meta.get_field(field_name).verbose_name)
    except FieldDoesNotExist:
        label = field_name.replace("_", " ")
    return label[:1].upper() + label[1:]


class LocalizedHistoryContextHelper(HistoricalRecordContextHelper):
    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        return display_value(self.model, change.field, value)


class LocalizedHistoryAdminMixin:
    """For a ``SimpleHistoryAdmin``: the "Thay đổi" column in labels and local times."""

    def get_historical_record_context_helper(self, request, historical_record):
        return LocalizedHistoryContextHelper(self.model, historical_record)

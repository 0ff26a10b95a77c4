"""Optimistic locking for the admin: two editors never silently overwrite each other.

When a change form is shown, the record's *version token* goes into a hidden field. When
the form comes back, the token is compared with the stored record, read with
``select_for_update()`` inside the admin's own transaction (``changeform_view`` runs in
``transaction.atomic``), so the row stays locked until this save commits: of two
simultaneous saves started from the same version, the second one waits, then sees the new
version and is refused with a Vietnamese message instead of overwriting the first.

The token is, by preference, the model's ``version`` field (incremented on each save), its
``updated_at`` (``auto_now``) field, or else a fingerprint of every stored column.

Usage::

    class ArticleAdmin(OptimisticLockAdminMixin, admin.ModelAdmin):
        ...
"""

import hashlib
import json

from django import forms
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.db import router, transaction
from django.db.models import F

LOCK_FIELD = "_optimistic_lock"
CONFLICT_MESSAGE = (
    "Bản ghi đã được người khác sửa sau khi bạn mở. Vui lòng tải lại trang và sửa lại."
)


def lock_field_name(model, preferred=None):
    """The field holding the version of ``model``'s rows, or None for a fingerprint."""
    names = {field.name for field in model._meta.concrete_fields}
    for name in (preferred, "version", "updated_at"):
        if name and name in names:
            return name
    return None


def version_token(model, pk, *, field_name=None, lock=False):
    """The current version token of row ``pk``; None if the row no longer exists.

    With ``lock=True`` the row is locked (``SELECT ... FOR UPDATE``) until the current
    transaction ends; call it inside ``transaction.atomic``.
    """
    queryset = model._default_manager.using(router.db_for_write(model)).filter(pk=pk)
    if lock:
        queryset = queryset.select_for_update()
    if field_name:
        values = list(queryset.values_list(field_name, flat=True))
        if not values:
            return None
        value = values[0]
        return value.isoformat() if hasattr(value, "isoformat") else str(value)
    columns = [field.attname for field in model._meta.concrete_fields]
    rows = list(queryset.values_list(*columns))
    if not rows:
        return None
    payload = json.dumps(rows[0], default=str, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()


class OptimisticLockAdminMixin:
    """ModelAdmin mixin refusing a save based on an out-of-date copy of the record.

    A form posted without the hidden token at all (a script, an old tab from before the
    mixin was installed) is not checked, so adopting the mixin breaks no existing client.
    """

    optimistic_lock_field = None  # None: "version", else "updated_at", else a fingerprint

    def _lock_field_name(self):
        return lock_field_name(self.model, self.optimistic_lock_field)

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None or obj.pk is None:
            return super().get_form(request, obj, change=change, **kwargs)
        # The token is a field of our form subclass, not of the model: keep it out of the
        # field list the ModelForm factory checks against the model.
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"] is not None:
            kwargs["fields"] = [name for name in kwargs["fields"] if name != LOCK_FIELD]
        form_class = super().get_form(request, obj, change=change, **kwargs)
        model = self.model
        field_name = self._lock_field_name()

        def __init__(form, *args, **form_kwargs):  # noqa: N807 - a method of the form class
            form_class.__init__(form, *args, **form_kwargs)
            if form.instance.pk is not None:
                form.initial[LOCK_FIELD] = version_token(
                    model, form.instance.pk, field_name=field_name
                )

        def clean(form):
            cleaned_data = form_class.clean(form)
            key = form.add_prefix(LOCK_FIELD)
            if key not in form.data or form.instance.pk is None:
                return cleaned_data
            with transaction.atomic(using=router.db_for_write(model)):
                current = version_token(model, form.instance.pk, field_name=field_name, lock=True)
            # The lock is held by the admin's outer transaction until the save commits.
            if current is None or form.data.get(key) != current:
                raise ValidationError(CONFLICT_MESSAGE, code="edit_conflict")
            return cleaned_data

        attrs = {
            LOCK_FIELD: forms.CharField(required=False, widget=forms.HiddenInput),
            "__init__": __init__,
            "clean": clean,
            "__module__": __name__,
        }
        return type(f"OptimisticLock{form_class.__name__}", (form_class,), attrs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.pk is None:
            return [(name, dict(options)) for name, options in fieldsets]
        present = any(LOCK_FIELD in (options.get("fields") or ()) for _name, options in fieldsets)
        fieldsets = [(name, dict(options)) for name, options in fieldsets]
        if not present and fieldsets:
            name, options = fieldsets[0]
            options["fields"] = [*options.get("fields", ()), LOCK_FIELD]
        return fieldsets

    def save_model(self, request, obj, form, change):
        if change and self._lock_field_name() == "version":
            obj.version = F("version") + 1
            super().save_model(request, obj, form, change)
            obj.refresh_from_db(fields=["version"])
            return
        super().save_model(request, obj, form, change)

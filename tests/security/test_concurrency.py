"""Two editors changing the same record in the admin never silently overwrite each other.

``core.concurrency.OptimisticLockAdminMixin`` is exercised through a real admin change
view on ``news.Article`` and ``awards.Nomination`` (demo data), first on an admin site of
this test that installs the mixin, then on the project's own admin (which must use it).
The demo is loaded once for the module (``shared_demo_data``); the test with two threads,
which needs committed data, is in test_concurrency_simultaneous.py.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.test import Client

from core.concurrency import CONFLICT_MESSAGE, LOCK_FIELD, OptimisticLockAdminMixin
from tests.security.htmlforms import form_data

TARGETS = [("news", "Article"), ("awards", "Nomination")]
EDITABLE_TEXT_FIELDS = ["title", "achievements", "summary", "name"]


def _model(app_label, model_name):
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        pytest.skip(f"{app_label}.{model_name} does not exist yet")


def _object(model):
    obj = model._default_manager.order_by("pk").first()
    if obj is None and model._meta.label == "news.Article":
        obj = model._default_manager.create(
            title="Hội nghị tổng kết năm", summary="Tóm tắt", body="<p>Nội dung</p>"
        )
    if obj is None:
        pytest.skip(f"loaddemo created no {model._meta.label}")
    return obj


def _change_url(prefix, obj):
    meta = obj._meta
    return f"/{prefix}/{meta.app_label}/{meta.model_name}/{obj.pk}/change/"


def _open(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    model_name = url.rstrip("/").split("/")[-3]
    data = form_data(response.content.decode(), form_id=f"{model_name}_form")
    data.pop("_saveasnew", None)
    data.pop("_addanother", None)
    data.pop("_continue", None)
    return data


def _text_field(data, model):
    for name in EDITABLE_TEXT_FIELDS:
        if name in data:
            return name
    pytest.skip(f"no editable text field found in the {model._meta.label} change form")


def _save(client, url, data):
    return client.post(url, {**data, "_save": "Lưu"})


def _assert_stale_save_refused(client, url, data, obj, field, *, kept):
    """Saving ``data`` from a form opened before another editor's save is refused with the
    conflict message, and ``obj``'s ``field`` still ends with the other editor's ``kept``."""
    response = _save(client, url, data)
    assert response.status_code == 200
    assert CONFLICT_MESSAGE in response.content.decode()
    obj.refresh_from_db()
    assert getattr(obj, field).endswith(kept)


def _editors(django_user_model):
    clients = []
    for name in ["bientap1", "bientap2"]:
        user = django_user_model.objects.create_superuser(
            username=name, email=f"{name}@example.invalid", password="x"
        )
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


# An admin site of this test: the project's ModelAdmin for each target with the mixin added.
locking_site = admin.AdminSite(name="locking_admin")


def _register_locking_admins():
    for app_label, model_name in TARGETS:
        try:
            model = apps.get_model(app_label, model_name)
        except LookupError:
            continue
        base = type(admin.site._registry.get(model, admin.ModelAdmin(model, admin.site)))
        if not issubclass(base, OptimisticLockAdminMixin):
            base = type(f"Locking{base.__name__}", (OptimisticLockAdminMixin, base), {})
        locking_site.register(model, base)


_register_locking_admins()


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t[1])
def test_second_save_from_a_stale_form_is_refused(
    target, shared_demo_data, locking_urls, django_user_model
):
    model = _model(*target)
    obj = _object(model)
    url = _change_url(locking_urls, obj)
    first, second = _editors(django_user_model)
    data_first = _open(first, url)
    data_second = _open(second, url)
    assert data_first[LOCK_FIELD] == data_second[LOCK_FIELD] != [""]
    field = _text_field(data_first, model)

    data_first[field] = [data_first[field][0] + " (sửa lần 1)"]
    response = _save(first, url, data_first)
    assert response.status_code == 302, form_errors(response)

    data_second[field] = [data_second[field][0] + " (sửa lần 2)"]
    _assert_stale_save_refused(second, url, data_second, obj, field, kept="(sửa lần 1)")

    # Reloading gives the new version; the second editor's change then goes through.
    data_second = _open(second, url)
    data_second[field] = [data_second[field][0] + " (sửa lần 2)"]
    response = _save(second, url, data_second)
    assert response.status_code == 302, form_errors(response)
    obj.refresh_from_db()
    assert getattr(obj, field).endswith("(sửa lần 1) (sửa lần 2)")


@pytest.mark.django_db
def test_saving_twice_in_a_row_from_fresh_forms_works(
    shared_demo_data, locking_urls, django_user_model
):
    model = _model("news", "Article")
    obj = _object(model)
    url = _change_url(locking_urls, obj)
    editor, _other = _editors(django_user_model)
    for n in range(2):
        data = _open(editor, url)
        data["title"] = [f"Tiêu đề mới {n}"]
        assert _save(editor, url, data).status_code == 302
    obj.refresh_from_db()
    assert obj.title == "Tiêu đề mới 1"


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t[1])
def test_project_admin_refuses_a_stale_save(target, shared_demo_data, django_user_model):
    """The real admin at /admin/ uses the mixin for articles and nominations."""
    model = _model(*target)
    if model not in admin.site._registry:
        pytest.skip(f"{model._meta.label} is not registered in the admin yet")
    obj = _object(model)
    url = _change_url("admin", obj)
    first, second = _editors(django_user_model)
    data_first, data_second = _open(first, url), _open(second, url)
    assert LOCK_FIELD in data_first, (
        f"{type(admin.site._registry[model]).__name__} does not use "
        "core.concurrency.OptimisticLockAdminMixin"
    )
    field = _text_field(data_first, model)
    data_first[field] = [data_first[field][0] + " A"]
    assert _save(first, url, data_first).status_code == 302
    data_second[field] = [data_second[field][0] + " B"]
    _assert_stale_save_refused(second, url, data_second, obj, field, kept=" A")


def form_errors(response):
    context = getattr(response, "context", None)
    if not context or "adminform" not in context:
        return response.status_code
    return context["adminform"].form.errors, [
        formset.errors for formset in context.get("inline_admin_formsets", [])
    ]

"""Two editors changing the same record in the admin never silently overwrite each other.

``core.concurrency.OptimisticLockAdminMixin`` is exercised through a real admin change
view on ``news.Article`` and ``awards.Nomination`` (demo data), first on an admin site of
this test that installs the mixin, then on the project's own admin (which must use it).
"""

import threading
import time

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import connection
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


@pytest.fixture
def locking_urls(settings):
    settings.ROOT_URLCONF = "tests.security.locking_urls"
    from django.urls import clear_url_caches

    clear_url_caches()
    yield "locking-admin"
    clear_url_caches()


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t[1])
def test_second_save_from_a_stale_form_is_refused(
    target, demo_data, locking_urls, django_user_model
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
    response = _save(second, url, data_second)
    assert response.status_code == 200
    assert CONFLICT_MESSAGE in response.content.decode()
    obj.refresh_from_db()
    assert getattr(obj, field).endswith("(sửa lần 1)")

    # Reloading gives the new version; the second editor's change then goes through.
    data_second = _open(second, url)
    data_second[field] = [data_second[field][0] + " (sửa lần 2)"]
    response = _save(second, url, data_second)
    assert response.status_code == 302, form_errors(response)
    obj.refresh_from_db()
    assert getattr(obj, field).endswith("(sửa lần 1) (sửa lần 2)")


@pytest.mark.django_db
def test_saving_twice_in_a_row_from_fresh_forms_works(demo_data, locking_urls, django_user_model):
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


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t[1])
def test_simultaneous_saves_cannot_both_pass_the_check(
    target, demo_data, locking_urls, django_user_model, monkeypatch
):
    """The first save holds its row lock while the second one arrives: one wins, one is
    refused, none is lost silently."""
    model = _model(*target)
    obj = _object(model)
    url = _change_url(locking_urls, obj)
    first, second = _editors(django_user_model)
    data_first, data_second = _open(first, url), _open(second, url)
    field = _text_field(data_first, model)
    data_first[field] = ["Bản của biên tập viên 1"]
    data_second[field] = ["Bản của biên tapp viên 2".replace("tapp", "tập")]

    admin_class = type(locking_site._registry[model])
    original_save_model = admin_class.save_model
    first_is_saving = threading.Event()

    def slow_save_model(self, request, obj, form, change):
        original_save_model(self, request, obj, form, change)
        if request.user.username == "bientap1":
            first_is_saving.set()
            time.sleep(0.5)  # still inside the admin's transaction, holding the lock

    monkeypatch.setattr(admin_class, "save_model", slow_save_model)
    results = {}

    def run(name, client, data):
        try:
            results[name] = _save(client, url, data)
        finally:
            connection.close()

    thread = threading.Thread(target=run, args=("first", first, data_first))
    thread.start()
    assert first_is_saving.wait(20)
    run("second", second, data_second)
    thread.join(30)

    assert results["first"].status_code == 302
    assert results["second"].status_code == 200
    assert CONFLICT_MESSAGE in results["second"].content.decode()
    obj.refresh_from_db()
    assert getattr(obj, field) == "Bản của biên tập viên 1"


@pytest.mark.django_db
@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t[1])
def test_project_admin_refuses_a_stale_save(target, demo_data, django_user_model):
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
    response = _save(second, url, data_second)
    assert response.status_code == 200
    assert CONFLICT_MESSAGE in response.content.decode()
    obj.refresh_from_db()
    assert getattr(obj, field).endswith(" A")


def form_errors(response):
    context = getattr(response, "context", None)
    if not context or "adminform" not in context:
        return response.status_code
    return context["adminform"].form.errors, [
        formset.errors for formset in context.get("inline_admin_formsets", [])
    ]

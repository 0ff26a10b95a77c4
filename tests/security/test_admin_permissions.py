"""Every admin action says which permission it needs.

An action without ``allowed_permissions`` is offered to anyone who may see the change list,
so a view-only staff member could run it (a banner switch-off did exactly that). The first
test walks every registered ``ModelAdmin`` so that a new action cannot forget it.
"""

import io

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.test import Client
from PIL import Image

from banners.models import Banner

pytestmark = pytest.mark.django_db


def _every_action():
    for model, model_admin in admin.site._registry.items():
        for func, name, _description in model_admin._get_base_actions():
            yield f"{model._meta.label}.{name}", func


def test_every_admin_action_declares_its_permission():
    actions = dict(_every_action())
    assert "banners.Banner.switch_off" in actions  # the walk does find the actions
    missing = sorted(
        name for name, func in actions.items() if not getattr(func, "allowed_permissions", None)
    )
    assert missing == [], f"admin actions without allowed_permissions: {missing}"


def _png():
    output = io.BytesIO()
    Image.new("RGB", (30, 10), (11, 79, 138)).save(output, format="PNG")
    return output.getvalue()


@pytest.fixture
def banner(settings, tmp_path):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    item = Banner(title="Quảng cáo", alt_text="Quảng cáo", target_url="https://example.org/")
    item.image.save("qc.png", ContentFile(_png()), save=False)
    item.is_active = True
    item.save()
    return item


def test_a_view_only_staff_member_cannot_switch_banners_off(banner, django_user_model):
    viewer = django_user_model.objects.create_user(
        username="chixem", password="Mat-khau-rat-dai-2026!", is_staff=True
    )
    viewer.user_permissions.add(Permission.objects.get(codename="view_banner"))
    client = Client()
    client.force_login(viewer)
    changelist = client.get("/admin/banners/banner/")
    assert changelist.status_code == 200
    assert "switch_off" not in changelist.content.decode()

    response = client.post(
        "/admin/banners/banner/",
        {"action": "switch_off", "_selected_action": [banner.pk], "index": 0},
    )
    assert response.status_code in {200, 302, 403}
    banner.refresh_from_db()
    assert banner.is_active


def test_a_staff_member_who_may_change_banners_can_switch_them_off(banner, django_user_model):
    editor = django_user_model.objects.create_user(
        username="bientap", password="Mat-khau-rat-dai-2026!", is_staff=True
    )
    editor.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_banner", "change_banner"])
    )
    client = Client()
    client.force_login(editor)
    response = client.post(
        "/admin/banners/banner/",
        {"action": "switch_off", "_selected_action": [banner.pk], "index": 0},
    )
    assert response.status_code == 302
    banner.refresh_from_db()
    assert not banner.is_active


def test_login_records_are_still_listed_in_the_admin(admin_client):
    for path in ["accessattempt", "accesslog", "accessfailurelog"]:
        assert admin_client.get(f"/admin/axes/{path}/").status_code == 200, path

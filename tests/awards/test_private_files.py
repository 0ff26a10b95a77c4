"""Nomination attachments and council minutes are private (issue #15, finding 7).

They hold personal data (CVs, achievement reports) and the council's deliberations: stored
under ``PRIVATE_MEDIA_ROOT``, never under ``MEDIA_ROOT``, and delivered by a view that
answers only staff with the record's view permission.
"""

from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from awards.models import Attachment

pytestmark = pytest.mark.django_db


@pytest.fixture
def attachment(register, make_individual):
    nomination = register(make_individual(), dossier=False)
    return Attachment.objects.create(
        nomination=nomination,
        kind=Attachment.Kind.ACHIEVEMENT_REPORT,
        title="Báo cáo thành tích",
        file=SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 so yeu ly lich"),
    )


def staff_client(django_user_model, *permissions):
    user = django_user_model.objects.create_user(
        username=f"canbo{len(permissions)}", password="x-secret-123", is_staff=True
    )
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(codename=codename))
    client = Client()
    client.force_login(user)
    return client


def test_attachments_and_minutes_are_stored_outside_media_root(attachment, make_meeting, settings):
    meeting = make_meeting()
    meeting.minutes = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 bien ban")
    meeting.save()
    for field_file in (attachment.file, meeting.minutes):
        stored = Path(field_file.path)
        assert stored.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT))
        assert not (Path(settings.MEDIA_ROOT) / field_file.name).exists()
        assert not field_file.url.startswith(settings.MEDIA_URL)
        # The one-server /media/ view has nothing to give either.
        assert Client().get(settings.MEDIA_URL + field_file.name).status_code == 404


def test_an_attachment_is_delivered_to_staff_with_the_view_permission_only(
    attachment, django_user_model
):
    url = attachment.file.url

    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "/admin/login/" in anonymous["Location"]
    assert staff_client(django_user_model).get(url).status_code == 403

    allowed = staff_client(django_user_model, "view_attachment").get(url)
    assert allowed.status_code == 200
    assert b"".join(allowed.streaming_content) == b"%PDF-1.4 so yeu ly lich"
    assert allowed["Content-Disposition"].startswith("attachment")
    assert "no-store" in allowed["Cache-Control"]
    assert allowed["X-Content-Type-Options"] == "nosniff"


def test_nginx_sends_the_file_when_accel_redirect_is_configured(
    attachment, django_user_model, settings
):
    settings.PRIVATE_MEDIA_ACCEL_REDIRECT = "/_private/"
    answer = staff_client(django_user_model, "view_attachment").get(attachment.file.url)
    assert answer.status_code == 200
    assert answer["X-Accel-Redirect"] == "/_private/" + attachment.file.name
    assert answer.content == b""


def test_a_name_no_record_holds_is_not_found(attachment, django_user_model, settings):
    client = staff_client(django_user_model, "view_attachment")
    (Path(settings.PRIVATE_MEDIA_ROOT) / "stray.pdf").write_bytes(b"%PDF-1.4")
    assert client.get("/admin/tep-rieng/stray.pdf").status_code == 404
    assert client.get("/admin/tep-rieng/../settings.py").status_code == 404

"""A legal document's file follows the document (issue #15, finding 7).

A public document's file is at its ``/media/`` address; made non-public, it moves under
``PRIVATE_MEDIA_ROOT`` (the same name) and only staff with the view permission get it;
published again, it is back at the address it had.
"""

import datetime
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from documents.models import LegalDocument

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def make_document(is_public=True):
    return LegalDocument.objects.create(
        number="15/QĐ-SKHCN",
        kind="quyet-dinh",
        issuing_body="Sở Khoa học và Công nghệ",
        issued_on=datetime.date(2024, 3, 1),
        title="Quyết định khen thưởng",
        file=SimpleUploadedFile("qd.pdf", b"%PDF-1.4 quyet dinh"),
        is_public=is_public,
    )


def public_path(settings, document):
    return Path(settings.MEDIA_ROOT) / document.file.name


def private_path(settings, document):
    return Path(settings.PRIVATE_MEDIA_ROOT) / document.file.name


def test_a_public_documents_file_is_at_its_media_address(settings, client):
    document = make_document()
    url = document.file.url
    assert url == settings.MEDIA_URL + document.file.name
    assert public_path(settings, document).is_file()
    assert client.get(url).status_code == 200
    # The page links the download named after the document's number, served from there.
    download = reverse("documents:document_download", args=[document.pk])
    assert download in client.get(document.get_absolute_url()).content.decode()
    assert client.get(download).status_code == 200


def test_made_non_public_the_file_leaves_media_and_comes_back_when_public(
    settings, django_user_model
):
    document = make_document()
    public_url = document.file.url

    document.is_public = False
    document.save()
    assert not public_path(settings, document).exists()
    assert private_path(settings, document).read_bytes() == b"%PDF-1.4 quyet dinh"
    assert Client().get(public_url).status_code == 404
    private_url = document.file.url
    assert private_url.startswith("/admin/tep-rieng/")
    assert Client().get(private_url).status_code == 302  # to the login page
    staff = django_user_model.objects.create_user(username="vanthu", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_legaldocument"))
    client = Client()
    client.force_login(staff)
    answer = client.get(private_url)
    assert answer.status_code == 200
    assert b"".join(answer.streaming_content) == b"%PDF-1.4 quyet dinh"

    document.is_public = True
    document.save()
    assert document.file.url == public_url
    assert not private_path(settings, document).exists()
    assert Client().get(public_url).status_code == 200


def test_a_document_created_non_public_never_touches_media(settings):
    document = make_document(is_public=False)
    assert not public_path(settings, document).exists()
    assert private_path(settings, document).is_file()


def test_the_migration_moves_existing_files_without_losing_any(settings):
    from core.private_files import move_stored_files

    media = Path(settings.MEDIA_ROOT)
    (media / "documents").mkdir(parents=True)
    (media / "documents/a.pdf").write_bytes(b"A")
    (media / "documents/b.pdf").write_bytes(b"B")
    clash = Path(settings.PRIVATE_MEDIA_ROOT) / "documents/b.pdf"
    clash.parent.mkdir(parents=True, exist_ok=True)
    clash.write_bytes(b"other B")

    moved = move_stored_files(
        ["documents/a.pdf", "documents/b.pdf", "gone.pdf", ""], to_private=True
    )

    assert moved == 1
    assert (Path(settings.PRIVATE_MEDIA_ROOT) / "documents/a.pdf").read_bytes() == b"A"
    assert (media / "documents/b.pdf").read_bytes() == b"B"  # a clash moves nothing
    assert clash.read_bytes() == b"other B"
    clash.unlink()
    assert move_stored_files(["documents/a.pdf"], to_private=False) == 1
    assert (media / "documents/a.pdf").read_bytes() == b"A"

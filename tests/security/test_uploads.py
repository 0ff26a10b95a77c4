"""Uploads: only real, bounded images are stored, re-encoded, under random names.

``core.uploads`` is tested directly, then the editor's upload endpoint end to end.
"""

import io
import re
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from PIL import Image

from core import uploads
from tests.security.images import (
    HTML,
    SECRET,
    SVG,
    animated_gif,
    gif_canvas_bomb,
    image_bytes,
    png_claiming,
    upload,
)

RANDOM_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|gif|webp)$")


def _code(content, name="anh.jpg"):
    with pytest.raises(ValidationError) as info:
        uploads.validate_image(upload(name, content))
    return info.value.code, " ".join(info.value.messages)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF"])
def test_real_images_of_each_allowed_format_are_accepted(fmt):
    content = image_bytes(fmt, exif=fmt != "GIF", mode="P" if fmt == "GIF" else "RGB")
    assert uploads.validate_image(upload("anh.bin", content)) == fmt


def test_svg_renamed_jpg_is_refused_with_a_vietnamese_message():
    code, message = _code(SVG, "anh.jpg")
    assert code == "not_an_image"
    assert "không phải là ảnh hợp lệ" in message


def test_html_renamed_png_is_refused():
    assert _code(HTML, "anh.png")[0] == "not_an_image"


def test_other_image_formats_are_refused():
    output = io.BytesIO()
    Image.new("RGB", (8, 8)).save(output, format="BMP")
    assert _code(output.getvalue(), "anh.bmp")[0] == "not_an_image"
    output = io.BytesIO()
    Image.new("RGB", (8, 8)).save(output, format="TIFF")
    assert _code(output.getvalue(), "anh.jpg")[0] == "not_an_image"


def test_truncated_image_is_refused_when_reencoded():
    content = image_bytes("JPEG", size=(400, 300), exif=False)
    with pytest.raises(ValidationError):
        uploads.reencode_image(upload("anh.jpg", content[: len(content) // 2]))


def test_file_larger_than_the_byte_limit_is_refused(settings):
    settings.UPLOAD_IMAGE_MAX_BYTES = 1024 * 1024
    code, message = _code(b"\xff\xd8\xff" + b"0" * (1024 * 1024 + 1))
    assert code == "image_too_large"
    assert "quá lớn" in message


def test_decompression_bomb_is_refused_without_decoding_it():
    # 100 000 × 100 000 pixels claimed by a file of about a hundred bytes.
    content = png_claiming(100_000, 100_000)
    assert len(content) < 200
    code, message = _code(content, "bom.png")
    assert code in {"image_bomb", "image_too_many_pixels"}
    assert "quá lớn" in message


def test_pixel_limit_comes_from_settings(settings):
    settings.UPLOAD_IMAGE_MAX_PIXELS = 50 * 50
    code, _message = _code(image_bytes("PNG", size=(60, 60), exif=False))
    assert code in {"image_too_many_pixels", "image_bomb"}
    assert Image.MAX_IMAGE_PIXELS == 50 * 50  # Pillow's own guard follows the setting
    settings.UPLOAD_IMAGE_MAX_PIXELS = 40_000_000
    assert uploads.validate_image(upload("a.png", image_bytes("PNG", size=(60, 60))))


def test_reencoding_strips_exif_and_keeps_the_pixels():
    original = image_bytes("JPEG", size=(40, 30))
    assert SECRET.encode() in original
    clean = uploads.reencode_image(upload("anh.jpg", original))
    data = clean.read()
    assert SECRET.encode() not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == (40, 30)
        assert not dict(image.getexif())
        red, green, blue = image.getpixel((20, 15))
        assert red > 150 and green < 80 and blue < 80


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_reencoding_strips_metadata_from_png_and_webp(fmt):
    clean = uploads.reencode_image(upload("anh", image_bytes(fmt)))
    data = clean.read()
    assert SECRET.encode() not in data
    assert clean.name.endswith("." + uploads.ALLOWED_FORMATS[fmt])


def test_reencoding_drops_a_payload_appended_to_the_image():
    polyglot = image_bytes("GIF", exif=False, mode="P") + HTML
    clean = uploads.reencode_image(upload("anh.gif", polyglot))
    assert b"<script" not in clean.read()


def test_exif_orientation_is_applied_before_the_metadata_goes():
    image = Image.new("RGB", (40, 20), "white")
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    output = io.BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes())
    clean = uploads.reencode_image(upload("anh.jpg", output.getvalue()))
    with Image.open(clean) as result:
        assert result.size == (20, 40)


def test_animated_gif_keeps_its_frames_within_the_frame_limit(settings):
    with Image.open(io.BytesIO(animated_gif(3))) as source:
        assert source.n_frames == 3
    clean = uploads.reencode_image(upload("dong.gif", animated_gif(3)))
    with Image.open(clean) as image:
        assert image.format == "GIF"
        assert image.n_frames == 3
    settings.UPLOAD_IMAGE_MAX_FRAMES = 2
    assert _code(animated_gif(3), "dong.gif")[0] == "image_too_many_frames"


MEMORY_PROBE = """
import os, resource, sys, time
import django
django.setup()
from django.core.exceptions import ValidationError
from core import uploads
from tests.security.images import gif_canvas_bomb, upload
data = gif_canvas_bomb(int(sys.argv[1]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.monotonic()
try:
    clean = uploads.reencode_image(upload("dong.gif", data))
    outcome = "accepted"
except ValidationError as exc:
    outcome = "refused: " + " ".join(exc.messages)
growth_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
print(outcome)
print(growth_kb // 1024, time.monotonic() - started)
"""


def _reencode_in_a_fresh_process(frames):
    """(outcome, peak RSS growth in MB, seconds) of re-encoding the crafted GIF."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", "PYTHONPATH": str(root)}
    env.setdefault("DJANGO_SECRET_KEY", "x")
    result = subprocess.run(
        [sys.executable, "-c", MEMORY_PROBE, str(frames)],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    outcome, numbers = result.stdout.strip().splitlines()[-2:]
    growth_mb, seconds = numbers.split()
    return outcome, int(growth_mb), float(seconds)


def test_a_few_bytes_gif_of_huge_frames_is_refused_from_its_header():
    data = gif_canvas_bomb(frames=30, width=2000, height=2000)
    assert len(data) < 1024
    code, message = _code(data, "dong.gif")
    assert code == "image_too_many_pixels_in_all_frames"
    assert "Ảnh động quá lớn" in message and "30 khung hình" in message


@pytest.mark.slow
def test_the_gif_bomb_is_refused_quickly_with_bounded_memory():
    outcome, growth_mb, seconds = _reencode_in_a_fresh_process(30)
    assert outcome.startswith("refused: Ảnh động quá lớn"), outcome
    assert growth_mb < 30, growth_mb
    assert seconds < 1, seconds


@pytest.mark.slow
def test_an_animation_within_the_budget_but_too_big_to_keep_is_stored_as_one_frame():
    # 14 frames of 2000 × 2000: 56 M pixels, under the budget; kept, only the first frame.
    outcome, growth_mb, _seconds = _reencode_in_a_fresh_process(14)
    assert outcome == "accepted"
    assert growth_mb < 60, growth_mb
    clean = uploads.reencode_image(upload("dong.gif", gif_canvas_bomb(14)))
    with Image.open(clean) as image:
        assert image.size == (2000, 2000)
        assert getattr(image, "n_frames", 1) == 1


def test_the_budget_on_all_frames_comes_from_settings(settings):
    settings.UPLOAD_IMAGE_MAX_TOTAL_PIXELS = 16 * 16 * 2
    assert _code(animated_gif(3), "dong.gif")[0] == "image_too_many_pixels_in_all_frames"
    settings.UPLOAD_IMAGE_MAX_TOTAL_PIXELS = 16 * 16 * 3
    uploads.validate_image(upload("dong.gif", animated_gif(3)))


@pytest.mark.django_db
def test_the_gif_bomb_is_refused_by_the_editor_upload_and_the_model_validator(
    media_root, staff_user
):
    import time

    from banners.models import Banner

    client = Client()
    client.force_login(staff_user)
    started = time.monotonic()
    response = _post_upload(
        client, "dong.gif", gif_canvas_bomb(30), HTTP_ORIGIN="http://testserver"
    )
    assert time.monotonic() - started < 2
    assert response.status_code == 400
    assert "Ảnh động quá lớn" in response.json()["error"]["message"]
    assert _stored_files(media_root) == []

    field = Banner._meta.get_field("image")
    with pytest.raises(ValidationError) as info:
        field.run_validators(upload("dong.gif", gif_canvas_bomb(30)))
    assert "Ảnh động quá lớn" in " ".join(info.value.messages)


def test_random_upload_to_drops_the_name_and_unsafe_extensions():
    upload_to = uploads.random_upload_to("news/")
    first = upload_to(None, "Ảnh CMND Nguyễn Văn A.JPG")
    second = upload_to(None, "Ảnh CMND Nguyễn Văn A.JPG")
    assert first != second
    assert re.fullmatch(r"news/\d{4}/\d{2}/[0-9a-f]{32}\.jpg", first)
    assert upload_to(None, "trang.html").endswith(".bin")
    assert upload_to(None, "anh.svg").endswith(".bin")
    assert upload_to(None, "anh.php.png").endswith(".png")
    assert upload_to(None, "khong-duoi").endswith(".bin")
    assert uploads.random_upload_to("a") == uploads.random_upload_to("a/")


def test_every_file_field_of_the_project_stores_under_random_names():
    from django.apps import apps
    from django.db import models

    problems = []
    for model in apps.get_models():
        if model._meta.app_label not in {"news", "awards", "banners", "visitors", "portal"}:
            continue
        for field in model._meta.get_fields():
            if not isinstance(field, models.FileField):
                continue
            label = f"{model._meta.label}.{field.name}"
            if not isinstance(field.upload_to, uploads.random_upload_to):
                problems.append(f"{label}: upload_to is not core.uploads.random_upload_to")
            if isinstance(field, models.ImageField):
                if uploads.validate_image not in field.validators:
                    problems.append(f"{label}: validate_image is not among its validators")
    assert not problems, "\n".join(problems)


# --- The editor's upload endpoint -------------------------------------------------------

CK_TOKEN = "a" * 40  # CKEditor's own double-submit token (cookie + form field)


def _post_upload(client, name, content, query="?responseType=json", **headers):
    client.cookies["ckCsrfToken"] = CK_TOKEN
    return client.post(
        f"/ckeditor/upload/{query}",
        {"upload": upload(name, content), "ckCsrfToken": CK_TOKEN},
        **headers,
    )


def _stored_files(root):
    return sorted(path for path in Path(root).rglob("*") if path.is_file())


@pytest.mark.django_db
def test_editor_upload_refuses_anonymous_users(media_root):
    client = Client()
    response = _post_upload(client, "anh.png", image_bytes("PNG"))
    assert response.status_code in {302, 403}
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]
    assert _stored_files(media_root) == []


@pytest.mark.django_db
def test_editor_upload_refuses_logged_in_non_staff(media_root, django_user_model):
    user = django_user_model.objects.create_user(username="docgia", password="x")
    client = Client()
    client.force_login(user)
    response = _post_upload(client, "anh.png", image_bytes("PNG"))
    assert response.status_code in {302, 403}
    assert _stored_files(media_root) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name,content",
    [("anh.jpg", SVG), ("anh.png", HTML), ("bom.png", png_claiming(100_000, 100_000))],
    ids=["svg-as-jpg", "html-as-png", "bomb"],
)
def test_editor_upload_refuses_what_is_not_a_safe_image(media_root, staff_user, name, content):
    client = Client()
    client.force_login(staff_user)
    response = _post_upload(client, name, content)
    assert 400 <= response.status_code < 500
    body = response.json()
    assert body["uploaded"] == 0
    message = body["error"]["message"].lower()
    assert "ảnh" in message and ("không" in message or "quá lớn" in message), message
    assert _stored_files(media_root) == []


@pytest.mark.django_db
def test_editor_upload_refusal_in_the_dialog_frame_is_vietnamese(media_root, staff_user):
    client = Client()
    client.force_login(staff_user)
    response = _post_upload(client, "anh.jpg", SVG, query="?CKEditorFuncNum=1&langCode=vi")
    assert response.status_code < 500
    html = response.content.decode()
    assert "CKEDITOR.tools.callFunction(1," in html
    assert "không phải là ảnh hợp lệ" in html or "kh\\u00f4ng" in html
    assert _stored_files(media_root) == []


@pytest.mark.django_db
def test_editor_upload_stores_a_real_png_reencoded_under_a_random_name(media_root, staff_user):
    client = Client()
    client.force_login(staff_user)
    original = image_bytes("PNG", size=(120, 80))
    response = _post_upload(client, "Ảnh hồ sơ Nguyễn Văn A.png", original)
    assert response.status_code == 200
    body = response.json()
    assert body["uploaded"] == 1
    url = body["url"]
    assert url.startswith("/media/uploads/")
    stored = media_root / url.removeprefix("/media/")
    assert stored.is_file()
    assert RANDOM_NAME.match(stored.name), stored.name
    assert "nguyen" not in url.lower()
    data = stored.read_bytes()
    assert data != original
    assert SECRET.encode() not in data
    with Image.open(stored) as image:
        assert image.format == "PNG"
        assert image.size == (120, 80)
        assert not dict(image.getexif())
    # The stored file is served inline as an image, with nosniff.
    served = client.get(url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_editor_upload_without_its_token_is_refused(media_root, staff_user):
    client = Client()
    client.force_login(staff_user)
    response = client.post(
        "/ckeditor/upload/?responseType=json", {"upload": upload("a.png", image_bytes("PNG"))}
    )
    assert response.status_code == 403
    assert _stored_files(media_root) == []


def _staff_with(django_user_model, *codenames):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(
        username=f"canbo-{'-'.join(codenames) or 'khong-quyen'}", password="x", is_staff=True
    )
    user.user_permissions.add(*Permission.objects.filter(codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("codenames", [(), ("view_article",), ("change_banner",)])
def test_editor_upload_and_browser_need_the_article_add_or_change_permission(
    media_root, django_user_model, codenames
):
    client = _staff_with(django_user_model, *codenames)
    response = _post_upload(client, "anh.png", image_bytes("PNG"))
    assert response.status_code == 403
    assert "không có quyền" in response.json()["error"]["message"]
    assert _stored_files(media_root) == []
    browse = client.get("/ckeditor/browse/")
    assert browse.status_code == 403
    assert "không có quyền" in browse.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("codename", ["add_article", "change_article"])
def test_staff_who_may_write_articles_upload_and_browse(media_root, django_user_model, codename):
    client = _staff_with(django_user_model, codename)
    response = _post_upload(client, "anh.png", image_bytes("PNG"), HTTP_ORIGIN="http://testserver")
    assert response.status_code == 200
    assert response.json()["uploaded"] == 1
    assert client.get("/ckeditor/browse/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://attacker.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "https://attacker.example", "HTTP_REFERER": "http://testserver/admin/"},
        {"HTTP_REFERER": "https://attacker.example/trang.html"},
    ],
    ids=["origin", "null-origin", "origin-beats-referer", "referer"],
)
def test_editor_upload_from_another_site_is_refused(media_root, staff_user, headers):
    client = Client()
    client.force_login(staff_user)
    response = _post_upload(client, "anh.png", image_bytes("PNG"), **headers)
    assert response.status_code == 403
    assert "trang khác" in response.json()["error"]["message"]
    assert _stored_files(media_root) == []
    dialog = _post_upload(client, "anh.png", image_bytes("PNG"), "?CKEditorFuncNum=3", **headers)
    assert dialog.status_code == 403
    assert "CKEDITOR.tools.callFunction(3," in dialog.content.decode()
    browse = client.get("/ckeditor/browse/", **headers)
    assert browse.status_code == 403


@pytest.mark.django_db
def test_editor_upload_from_a_trusted_origin_is_accepted(media_root, staff_user, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://sokhcn.caobang.gov.vn"]
    client = Client()
    client.force_login(staff_user)
    response = _post_upload(
        client, "anh.png", image_bytes("PNG"), HTTP_ORIGIN="https://sokhcn.caobang.gov.vn"
    )
    assert response.status_code == 200


# --- The fallback image backend (django-ckeditor's own view, if it is ever used) --------


def test_ckeditor_backend_refuses_non_images_and_reencodes_images(tmp_path):
    from django.core.files.storage import FileSystemStorage

    storage = FileSystemStorage(location=tmp_path)
    backend = uploads.CKEditorImageBackend(storage, upload("anh.jpg", SVG))
    assert not backend.is_image
    with pytest.raises(ValidationError):
        backend.save_as("uploads/x.jpg")
    name = uploads.ckeditor_filename("Ảnh của tôi.JPG", None)
    assert RANDOM_NAME.match(name)
    backend = uploads.CKEditorImageBackend(storage, upload("anh.jpg", image_bytes("PNG")))
    assert backend.is_image
    saved = backend.save_as(f"uploads/{name}")
    assert saved.endswith(".png")  # the real format, whatever the name said
    assert SECRET.encode() not in (tmp_path / saved).read_bytes()
    assert (tmp_path / saved.replace(".png", "_thumb.png")).is_file()

"""Staff keep the agency's data in the admin; pages follow with no deploy, through the
page cache."""

import pytest

from agency.models import Official, OrgUnit

pytestmark = pytest.mark.django_db


def test_editing_a_phone_in_the_admin_changes_contact_and_english_pages(
    client, agency_demo, superuser
):
    anonymous_before = client.get("/lien-he/").content.decode()  # now in the page cache
    english_before = client.get("/en/").content.decode()
    assert "0206.3852.649" in anonymous_before and "0206.3852.649" in english_before
    contact = Official.objects.get(is_contact_point=True)

    staff = type(client)()
    staff.force_login(superuser)
    url = f"/admin/agency/official/{contact.pk}/change/"
    assert staff.get(url).status_code == 200
    response = staff.post(
        url,
        {
            "full_name": contact.full_name,
            "position": contact.position,
            "position_en": contact.position_en,
            "unit": contact.unit_id,
            "order": contact.order,
            "phone": "0206.3111.222",
            "email": contact.email,
            "is_contact_point": "on",
            "is_demo": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    contact.refresh_from_db()
    assert contact.phone == "0206.3111.222"
    assert contact.history.count() == 2  # the change is in the history

    for path in ["/lien-he/", "/en/", "/en/contact/"]:
        html = client.get(path).content.decode()
        assert "0206.3111.222" in html, path
        assert 'href="tel:+842063111222"' in html, path
        assert "0206.3852.649" not in html, path


def test_admin_lists_show_vietnamese_labels_and_demo_marks(agency_demo, superuser, client):
    client.force_login(superuser)
    html = client.get("/admin/agency/official/").content.decode()
    assert "Dữ liệu mẫu – người không có thật" in html
    assert "Đầu mối liên hệ" in html or "đầu mối liên hệ" in html
    unit = OrgUnit.objects.get(slug="van-phong-so")
    assert client.get(f"/admin/agency/orgunit/{unit.pk}/history/").status_code == 200
    for model in ["orgunit", "procedurelink", "disclosure"]:
        assert client.get(f"/admin/agency/{model}/").status_code == 200


def _official_form(official, **changes):
    data = {
        "full_name": official.full_name,
        "position": official.position,
        "position_en": official.position_en,
        "unit": official.unit_id,
        "order": official.order,
        "phone": official.phone,
        "email": official.email,
        "is_leader": "on" if official.is_leader else "",
        "is_demo": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value != ""}


def test_official_photo_is_verified_reencoded_and_stored_under_a_random_name(
    client, agency_demo, superuser
):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    client.force_login(superuser)
    leader = Official.objects.filter(is_leader=True).first()
    url = f"/admin/agency/official/{leader.pk}/change/"

    fake = SimpleUploadedFile("chan-dung.jpg", b"<svg onload=alert(1)></svg>", "image/jpeg")
    response = client.post(url, _official_form(leader, photo=fake))
    assert response.status_code == 200
    assert 'id="id_photo_error"' in response.content.decode()
    leader.refresh_from_db()
    assert not leader.photo

    buffer = io.BytesIO()
    Image.new("RGB", (60, 80), (200, 30, 30)).save(buffer, format="PNG")
    photo = SimpleUploadedFile("Nguyen Van A.png", buffer.getvalue(), "image/png")
    response = client.post(url, _official_form(leader, photo=photo))
    assert response.status_code == 302
    leader.refresh_from_db()
    assert leader.photo.name.startswith("agency/officials/")
    assert leader.photo.name.endswith(".png") and "Nguyen" not in leader.photo.name
    html = client.get("/gioi-thieu/").content.decode()
    assert f'src="{leader.photo.url}" alt="{leader.full_name}"' in html

"""The English pages (Nghị định 42/2022, Điều 7 k2): English chrome from the same data,
while the rest of the site stays Vietnamese."""

import re
from html import unescape

import pytest
from django.urls import reverse

from agency.models import Official, OrgUnit

pytestmark = pytest.mark.django_db

ENGLISH_PAGES = [
    "/en/",
    "/en/organisation/",
    "/en/functions-and-tasks/",
    "/en/leadership/",
    "/en/contact/",
]
# Interface strings of the Vietnamese layout and pages: none may appear on an English page.
VIETNAMESE_INTERFACE = [
    "Trang chủ",
    "Giới thiệu",
    "Tin tức",
    "Liên hệ",
    "Tìm kiếm",
    "Đăng nhập",
    "Thống kê truy cập",
    "Thông tin mới nhất",
    "Bỏ qua",
    "Ủy ban nhân dân",
    "Địa chỉ",
    "Điện thoại",
    "Thư điện tử",
    "Chịu trách nhiệm",
    "Họ và tên",
    "Chức vụ",
    "Đơn vị",
    "Lãnh đạo",
    "Chưa cập nhật",
    "dữ liệu mẫu",
    "Sơ đồ trang",
    "Menu chính",
    "Tiện ích",
]


def _visible_text(html):
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def _strip_data(text):
    """The page's text without the data (names of people and Vietnamese-language links)."""
    for official in Official.objects.all():
        text = text.replace(official.full_name, "")
    return text.replace("Tiếng Việt", "")


@pytest.mark.parametrize("path", ENGLISH_PAGES)
def test_english_pages_are_english_throughout(client, agency_demo, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Language"] == "en"
    html = response.content.decode()
    assert '<html lang="en">' in html
    text = _strip_data(_visible_text(html))
    for phrase in VIETNAMESE_INTERFACE:
        assert phrase not in text, phrase
    # Not a single Vietnamese letter left in the interface (names of people excepted).
    leftovers = re.findall(r"[^\x00-\x7f·–—’“”]", text)
    assert leftovers == [], "".join(leftovers)
    for heading in ["Home", "Organisation", "Functions and tasks", "Leadership", "Contact"]:
        assert f">{heading}</a>" in html
    assert "Skip to main content" in html
    assert "Department of Science and Technology of Cao Bang Province" in html
    assert re.search(r'<a class="site-language" href="/[^"]*"[^>]*>Tiếng Việt</a>', html)


def test_english_pages_show_the_english_data(client, agency_demo):
    html = unescape(client.get("/en/functions-and-tasks/").content.decode())
    for unit in OrgUnit.objects.filter(parent__isnull=False):
        assert unit.name_en in html
        assert unit.functions_en.split(".")[0] in html
    leadership = client.get("/en/leadership/").content.decode()
    assert "Deputy Director" in leadership and "(demo data)" in leadership
    contact = client.get("/en/contact/").content.decode()
    official = Official.objects.get(is_contact_point=True)
    for value in [official.full_name, official.position_en, official.phone, official.email]:
        assert value in contact
    assert official.unit.name_en in contact
    assert "No. 044 Hoang Dinh Giong Street" in contact


def test_english_does_not_leak_into_vietnamese_pages(client, agency_demo):
    client.get("/en/")
    html = client.get("/gioi-thieu/").content.decode()
    assert '<html lang="vi">' in html
    assert "Skip to main content" not in html and "Bỏ qua, đến nội dung chính" in html
    # A browser asking for English still gets the Vietnamese site (no LocaleMiddleware).
    html = client.get("/lien-he/", headers={"accept-language": "en"}).content.decode()
    assert '<html lang="vi">' in html and "Điện thoại" in html


def test_url_names_about_and_contact_still_resolve():
    assert reverse("about") == "/gioi-thieu/"
    assert reverse("contact") == "/lien-he/"

"""The shared pagination include ``templates/includes/pagination.html``.

Rendered on the server (no browser needed); it lives beside the browser tests because the
"Tin khác" browser test clicks these same links.
"""

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory

from portal.templatetags.portal_tags import page_window


def page(number, total_pages=20):
    return Paginator(range(total_pages * 5), 5).page(number)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        (1, [1, 2, 3, 4, 5, None]),
        (2, [1, 2, 3, 4, 5, None]),
        (10, [1, None, 8, 9, 10, 11, 12, None]),
        (4, [1, 2, 3, 4, 5, 6, None]),
        (20, [1, None, 16, 17, 18, 19, 20]),
    ],
)
def test_page_window_is_like_the_old_site(number, expected):
    assert page_window(page(number)) == expected


def test_a_single_page_has_no_links():
    assert page_window(page(1, total_pages=1)) == [1]
    html = render_to_string("includes/pagination.html", {"page_obj": page(1, total_pages=1)})
    assert html.strip() == ""


def test_links_keep_the_reader_on_the_page_and_keep_other_parameters():
    request = RequestFactory().get("/tim-kiem/", {"q": "khoa học", "page": "1"})
    html = render_to_string(
        "includes/pagination.html",
        {"page_obj": page(1), "pagination_label": "Phân trang tin khác", "page_anchor": "tin-khac"},
        request=request,
    )
    assert 'aria-label="Phân trang tin khác"' in html
    assert 'href="?q=khoa+h%E1%BB%8Dc&amp;page=2#tin-khac" aria-label="Trang 2"' in html
    assert 'aria-current="page" aria-label="Trang 1, trang hiện tại">1</a>' in html
    assert 'rel="next" aria-label="Trang sau">»</a>' in html
    assert "«" not in html  # no previous page on page 1
    assert html.count("...") == 1


def test_custom_page_parameter():
    request = RequestFactory().get("/dien-hinh-tien-tien/")
    html = render_to_string(
        "includes/pagination.html",
        {"page_obj": page(3), "page_param": "trang"},
        request=request,
    )
    assert 'href="?trang=2" rel="prev" aria-label="Trang trước">«</a>' in html

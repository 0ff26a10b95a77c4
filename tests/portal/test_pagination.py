"""The one pagination include (``includes/pagination.html``): a window of pages, never
every page, and links that keep the page's other query parameters (search words, filters)
so that any list, the legal documents' included, can use it."""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory


def render(number, query=""):
    request = RequestFactory().get(f"/van-ban/?{query}")
    page = Paginator(range(200), 10).get_page(number)
    return render_to_string("includes/pagination.html", {"page_obj": page}, request=request)


def labels(html):
    return re.findall(r'aria-label="Trang (\d+)', html)


def test_a_long_list_shows_a_window_not_every_page():
    html = render(10)
    assert labels(html) == ["1", "8", "9", "10", "11", "12"]  # as the old site: no last page
    assert html.count("...") == 2
    assert 'aria-current="page"' in html


def test_links_keep_the_other_query_parameters():
    html = render(3, "q=khoa+h%E1%BB%8Dc&loai=quyet-dinh&page=3")
    links = re.findall(r'href="\?([^"]+)"', html)
    assert links
    for link in links:
        assert "q=khoa+h%E1%BB%8Dc" in link and "loai=quyet-dinh" in link, link
        assert link.count("page=") == 1, link


def test_a_single_page_shows_no_pagination():
    request = RequestFactory().get("/van-ban/")
    page = Paginator(range(5), 10).get_page(1)
    html = render_to_string("includes/pagination.html", {"page_obj": page}, request=request)
    assert html.strip() == ""

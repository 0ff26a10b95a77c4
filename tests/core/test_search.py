"""core.search: admin search that forgives case and Vietnamese diacritics (SQLite and
PostgreSQL alike: run with DATABASE_URL to check the second)."""

import pytest
from django.contrib import admin

from core.search import FoldedSearchMixin
from news.models import Article, Category
from tests.news.conftest import make_article, staff, staff_client  # noqa: F401


@pytest.fixture
def articles(make_article):  # noqa: F811
    return {
        "dong_khe": make_article(title="Hội thảo khoa học ở Đông Khê"),
        "dao": make_article(title="Đạo đức công vụ"),
        "other": make_article(title="Chuyển đổi số"),
    }


@pytest.mark.parametrize("term", ["đông khê", "Đông Khê", "dong khe", "DONG KHE", "đong khe"])
def test_fold_contains_finds_the_same_row_whatever_the_case_and_accents(articles, term):
    found = Article.objects.filter(title__fold_contains=term)
    assert list(found) == [articles["dong_khe"]]


def test_dao_finds_dao_with_d_stroke(articles):
    assert list(Article.objects.filter(title__fold_contains="dao")) == [articles["dao"]]


def test_like_wildcards_in_the_term_are_taken_literally(articles, make_article):  # noqa: F811
    percent = make_article(title="Tăng 50% kinh phí")
    assert list(Article.objects.filter(title__fold_contains="50%")) == [percent]
    assert not Article.objects.filter(title__fold_contains="_ông").exists()


def test_fold_contains_follows_relations(articles):
    category = Category.objects.create(name="Tin Đông Khê", slug="tin-dong-khe")
    Article.objects.filter(pk=articles["other"].pk).update(category=category)
    assert list(Article.objects.filter(category__name__fold_contains="dong khe")) == [
        articles["other"]
    ]


@pytest.mark.parametrize("term", ["đông khê", "Đông Khê", "dong khe"])
def test_admin_changelist_search_forgives_accents(staff_client, articles, term):  # noqa: F811
    response = staff_client.get("/admin/news/article/", {"q": term})
    assert list(response.context["cl"].result_list) == [articles["dong_khe"]]


def test_admin_autocomplete_forgives_accents(staff_client, articles):  # noqa: F811
    Category.objects.create(name="Khoa học Đông Khê", slug="khoa-hoc")
    Category.objects.create(name="Nông nghiệp", slug="nong-nghiep")
    response = staff_client.get(
        "/admin/autocomplete/",
        {"term": "dong khe", "app_label": "news", "model_name": "article",
         "field_name": "category"},
    )  # fmt: skip
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Khoa học Đông Khê"]


def test_every_project_admin_with_search_fields_folds():
    """news, banners, visitors... (awards/documents/agency admins: see the integrator note)."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in {"news", "banners", "visitors"}:
            continue
        if model_admin.search_fields:
            assert isinstance(model_admin, FoldedSearchMixin), model_admin


def test_prefixed_and_non_text_search_fields_are_left_alone():
    from core.search import _folded

    assert _folded(Article, "^title") == "^title"
    assert _folded(Article, "view_count") == "view_count"
    assert _folded(Article, "category__name") == "category__name__fold_contains"


def test_changelist_explains_the_forgiving_search_and_names_its_icon(staff_client):  # noqa: F811
    html = staff_client.get("/admin/news/article/").content.decode()
    assert "“dong khe” tìm được “Đông Khê”" in html
    assert 'alt="Tìm kiếm"' in html and 'alt="Search"' not in html

"""Slugs and folding of Vietnamese text."""

import pytest
from django.contrib.humanize.templatetags.humanize import intcomma
from django.test import override_settings

from core.text import fold, grouped, search_words, vietnamese_slugify
from news.models import Article


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Sở Khoa học và Công nghệ", "so-khoa-hoc-va-cong-nghe"),
        ("giai đoạn", "giai-doan"),
        ("ĐIỂN HÌNH tiên tiến", "dien-hinh-tien-tien"),
        ("Đà Lạt – Cao Bằng!", "da-lat-cao-bang"),
        ("Nghị định 152/2025/NĐ-CP", "nghi-dinh-152-2025-nd-cp"),
    ],
)
def test_vietnamese_slugify_removes_diacritics_and_maps_d(title, slug):
    assert vietnamese_slugify(title) == slug


def test_long_slug_is_cut_between_words():
    slug = vietnamese_slugify("công nghệ " * 40, max_length=50)
    assert len(slug) <= 50
    assert not slug.endswith("-")
    assert all(part in {"cong", "nghe"} for part in slug.split("-"))


def test_fold_ignores_case_and_diacritics():
    assert fold("Điển Hình TIÊN TIẾN") == "dien hinh tien tien"
    assert search_words("  điển   hình, tiên-tiến!!! ") == ["dien", "hinh", "tien", "tien"]


def test_blank_slug_is_made_from_the_title(db):
    article = Article.objects.create(title="Sở Khoa học và Công nghệ", body="<p>x</p>")
    assert article.slug == "so-khoa-hoc-va-cong-nghe"


def test_title_with_d_keeps_it_as_d_in_the_slug(db):
    article = Article.objects.create(title="Sơ kết giai đoạn 2015-2020", body="")
    assert article.slug == "so-ket-giai-doan-2015-2020"


def test_clashing_titles_get_numbered_slugs(db):
    slugs = [
        Article.objects.create(title="Sở Khoa học và Công nghệ", body="").slug for _ in range(3)
    ]
    assert slugs == [
        "so-khoa-hoc-va-cong-nghe",
        "so-khoa-hoc-va-cong-nghe-2",
        "so-khoa-hoc-va-cong-nghe-3",
    ]


def test_given_slug_is_kept_and_normalised(db):
    kept = Article.objects.create(title="Tiêu đề", slug="dia-chi-rieng", body="")
    normalised = Article.objects.create(title="Tiêu đề", slug="Địa chỉ Riêng 2", body="")
    assert kept.slug == "dia-chi-rieng"
    assert normalised.slug == "dia-chi-rieng-2"


def test_create_with_only_title_body_and_status_gives_a_visible_article(db):
    article = Article.objects.create(title="Tin mới", body="<p>Nội dung</p>", status="published")
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert article.view_count == 0
    assert article.is_public()


@pytest.mark.parametrize("number", [0, 7, 999, 1000, 12345, 1234567, 10**12, -4321])
def test_grouped_shows_counts_as_intcomma_does(number):
    assert grouped(number) == intcomma(number)


def test_grouped_reads_the_site_formats():
    assert grouped(1234567) == "1.234.567"
    with override_settings(LANGUAGE_CODE="en-us"):  # a site in English would group with ","
        assert grouped(1234567) == "1,234,567"
    assert grouped("12345") == intcomma("12345")  # anything but an int: intcomma's answer

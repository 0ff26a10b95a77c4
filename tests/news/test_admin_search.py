"""The article admin's search reads the full-text index (news.search.filter_words): every
word, without case or diacritics, the last one as a word's start; drafts included."""

import pytest

from news.models import Article

URL = "/admin/news/article/"


@pytest.fixture
def articles(make_article):
    return {
        "title": make_article(title="Hội nghị tại Đông Khê"),
        "summary": make_article(title="Tin một", summary="Đoàn công tác về Đông Khê"),
        "body": make_article(title="Tin hai", body="<p>Nghiệm thu tại <b>Đông Khê</b></p>"),
        "draft": make_article(title="Bản nháp Đông Khê", status=Article.Status.DRAFT),
        "other": make_article(title="Hội nghị tại Trùng Khánh"),
        "apart": make_article(title="Đông Anh và Hà Khê"),
    }


def shown(staff_client, query):
    response = staff_client.get(URL, {"q": query})
    assert response.status_code == 200
    return {article.pk for article in response.context["cl"].result_list}


@pytest.mark.parametrize("query", ["dong khe", "ĐÔNG KHÊ", "Đông Kh", "  đông,  khê!  "])
def test_words_are_found_in_title_summary_and_body_without_diacritics(
    staff_client, articles, query
):
    expected = {articles[key].pk for key in ("title", "summary", "body", "draft", "apart")}
    assert shown(staff_client, query) == expected


def test_only_the_last_word_may_be_a_word_start(staff_client, articles):
    assert shown(staff_client, "Trùng Kh") == {articles["other"].pk}
    assert shown(staff_client, "Trun Khanh") == set()


def test_punctuation_only_lists_everything(staff_client, articles):
    assert len(shown(staff_client, "?!")) == len(articles)


def test_the_help_text_says_how_search_works(staff_client, articles):
    html = staff_client.get(URL).content.decode()
    assert "“khoa h” tìm được “khoa học”" in html


def test_a_common_word_lists_its_newest_matches_only(staff_client, articles, settings):
    settings.NEWS_SEARCH_MAX_RESULTS = 3
    newest = Article.objects.filter(search_text__contains="khe").order_by("-published_at")[:3]
    assert shown(staff_client, "khe") == {article.pk for article in newest}
    html = staff_client.get(URL).content.decode()
    assert "Hiện tối đa 3 bài mới nhất khớp từ khóa" in html

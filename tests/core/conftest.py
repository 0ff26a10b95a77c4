from tests.news.conftest import category, make_article  # noqa: F401 - fixtures

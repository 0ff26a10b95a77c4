"""The page cache is tested through the news pages, the ones that use it most."""

from tests.news.conftest import category, make_article  # noqa: F401 - fixtures

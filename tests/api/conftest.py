"""The API tests reuse the registry's and the news' fixtures."""

from tests.awards.conftest import (  # noqa: F401
    _media_in_tmp,
    block,
    honoured,
    make_collective,
    make_individual,
    make_meeting,
    other_block,
    period,
    register,
    reviewed,
    secretary,
    unit,
)
from tests.news.conftest import category, make_article  # noqa: F401

"""core.bots gives crawlerdetect's verdict on every User-Agent (it only gets there faster).

The reference is crawlerdetect itself, asked on the same strings; each test compares the
two verdicts and also checks that the corpus holds both bots and browsers, so a test that
compared nothing could not pass.
"""

import random
import re
import string

import pytest
from crawlerdetect import CrawlerDetect
from crawlerdetect.providers.crawlers import data as CRAWLER_PATTERNS
from crawlerdetect.providers.exclusions import data as EXCLUSION_PATTERNS

from bench.run import BROWSER_AGENTS
from core import bots
from core.readers import is_bot_user_agent

CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
_METACHARACTERS = set("^$[]()|*+?.{}")


def reference(agent):
    return CrawlerDetect().is_crawler(agent)


def literal_sample(pattern):
    """A string the pattern matches when it is a plain literal (escaped punctuation
    allowed, optionally anchored), with its anchors kept; None otherwise."""
    start = pattern.startswith("^")
    end = pattern.endswith("$") and not pattern.endswith("\\$")
    body = pattern[1 if start else 0 : -1 if end else None]
    text = re.sub(r"\\(.)", lambda m: "\x00" if m.group(1).isalnum() else m.group(1), body)
    unescaped_meta = re.sub(r"\\.", "", body)
    if "\x00" in text or _METACHARACTERS & set(unescaped_meta):
        return None
    return (text if start else f"{CHROME} {text}") + ("" if end else " (+https://example.org)")


def assert_same_verdicts(agents):
    different = [agent for agent in agents if bots.is_crawler(agent) != reference(agent)]
    assert different == []
    return [bots.is_crawler(agent) for agent in agents]


def test_every_literal_pattern_in_a_user_agent_gets_crawlerdetects_verdict():
    samples = [s for s in map(literal_sample, CRAWLER_PATTERNS) if s is not None]
    assert len(samples) > 1000  # most of the list is literal: the test compares something
    verdicts = assert_same_verdicts(samples)
    assert sum(verdicts) > 1000


def test_patterns_with_one_letter_changed_get_crawlerdetects_verdict():
    rng = random.Random(14)
    samples = []
    for sample in filter(None, map(literal_sample, CRAWLER_PATTERNS)):
        letters = [i for i, ch in enumerate(sample) if ch.isalpha() and i > len(CHROME)]
        if letters:
            i = rng.choice(letters)
            samples.append(sample[:i] + rng.choice("qxzjQXZJ") + sample[i + 1 :])
    verdicts = assert_same_verdicts(samples)
    assert 0 < sum(verdicts) < len(verdicts)  # both verdicts occur


def test_browsers_and_exclusions_get_crawlerdetects_verdict():
    exclusions = [
        f"{CHROME} {s}"
        for s in (re.sub(r"\\(.)", r"\1", p) for p in EXCLUSION_PATTERNS)
        if not _METACHARACTERS & set(s)
    ]
    rng = random.Random(7)
    generated = [
        agent.replace("Mozilla/5.0", f"Mozilla/{rng.randint(1, 9)}.0")
        + " "
        + "".join(rng.choice(string.ascii_letters + string.digits + " /;.-_") for _ in range(20))
        for agent in BROWSER_AGENTS * 20
    ]
    verdicts = assert_same_verdicts([*BROWSER_AGENTS, CHROME, *exclusions, *generated])
    assert not any(verdicts[: len(BROWSER_AGENTS) + 1])


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "   ",
        "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
        "Mozilla/5.0 (compatible; YandexSearch/1.0)",  # the pattern with a lookahead
        "yandexsearch Yandex",
        "Go 1.1 package http",
        "Go ١٢ package http",  # Arabic-Indic digits: Python's \d matches them, RE2's not
        "Mozilla/5.0 (compatible; Bıngbot/2.0)",  # dotless i: Python folds it to "i"
        "Mozilla/5.0 (compatible; GOOGLEBOT/2.1)",
        "Mozilla/5.0 (compatible; Googlebot/2.1)\nX",
        "Cốc Cốc " + CHROME,
        "curl/8.5.0",
        "python-requests/2.32.3",
        "Mozilla/5.0 ſpider",
    ],
)
def test_edge_cases_get_crawlerdetects_verdict(agent):
    assert bots.is_crawler(agent) == reference(agent)


def test_only_patterns_re2_reads_like_python_go_to_re2():
    assert "Yandex(?!Search)" in bots._PYTHON_PATTERNS
    assert not bots._safe_for_re2(r"a\sb") and not bots._safe_for_re2("a{,3}")
    assert bots._safe_for_re2(r"Go [\d\.]* package http")
    assert len(bots._SAFE_PATTERNS) + len(bots._PYTHON_PATTERNS) == len(CRAWLER_PATTERNS)


def test_the_portal_treats_an_empty_user_agent_as_a_bot_and_browsers_as_readers():
    assert is_bot_user_agent("") and is_bot_user_agent("  ")
    assert is_bot_user_agent("Mozilla/5.0 (compatible; bingbot/2.0)")
    assert not any(is_bot_user_agent(agent) for agent in BROWSER_AGENTS)

"""The public page kinds (found in the demo content) and the tools that check them.

* axe-core (``make checkers`` installs the pinned npm package under ``.cache/node``),
  injected into a page and run with the WCAG 2.1 A/AA rules;
* the Nu HTML Checker (``vnu.jar`` from the ``vnu-jar`` npm package), started once per test
  session as a local web service with the machine's Java, so that each page costs a POST
  rather than a JVM start;
* a layout probe (``layout_probe.js``): sideways scroll of the page, visible elements cut
  off by the viewport's edge or by a box hiding its overflow, and boxes (wide tables) that
  must be scrolled sideways to be read.
"""

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / ".cache" / "node" / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDTHS = {"phone": 375, "desktop": 1366}


def _first_public(model_names, *, filters=None):
    """The first object with a page among the models named (whatever app holds them)."""
    for model in apps.get_models():
        if model.__name__ not in model_names or not hasattr(model, "get_absolute_url"):
            continue
        queryset = model._default_manager.all()
        if hasattr(queryset, "published"):
            queryset = queryset.published()
        if filters:
            queryset = queryset.filter(**filters)
        obj = queryset.order_by("pk").first()
        if obj is not None:
            return obj.get_absolute_url()
    return None


def public_pages():
    """Every public page kind, as {kind: path}, from the demo content (None: not found)."""
    from news.models import Article, Category

    article = Article.objects.published().newest_first().first()
    category = Category.objects.filter(articles__isnull=False).order_by("order").first()
    return {
        "home": "/",
        "news-list": "/tin-tuc/",
        "category": category.get_absolute_url() if category else None,
        "article": article.get_absolute_url() if article else None,
        "search": "/tim-kiem/?q=khoa+h%E1%BB%8Dc",
        "honours": "/dien-hinh-tien-tien/",
        "period": _first_public({"Period"}),
        "decision": _first_public({"Decision"}),
        "candidate": _first_public({"Individual", "Collective"}),
        "documents": "/van-ban/",
        "document": _first_public({"LegalDocument", "Document"}),
        "about": "/gioi-thieu/",
        "contact": "/lien-he/",
        "not-found": "/khong-co-trang-nay/",
    }


PAGE_KINDS = [
    "home", "news-list", "category", "article", "search", "honours", "period", "decision",
    "candidate", "documents", "document", "about", "contact", "not-found",
]  # fmt: skip


def run_axe(page):
    """axe-core's WCAG 2.1 A/AA violations on the current page, as short lines."""
    if not AXE_JS.exists():
        pytest.fail(f"axe-core not found at {AXE_JS}: run `make checkers`")
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: "
        "['violations']})",
        WCAG21_AA,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
        for violation in result["violations"]
    ]


# Reported: visible elements whose box leaves the viewport sideways; elements that hide
# part of their own content (overflow hidden/clip); boxes that must be scrolled sideways to
# be read (wide tables), except inside an article's own body. Elements inside such a box
# are not reported again. Screen-reader-only helpers (.visually-hidden, the skip link until
# focused) are off-screen by design.
LAYOUT_PROBE = (Path(__file__).parent / "layout_probe.js").read_text()


def layout_problems(page):
    return page.evaluate(LAYOUT_PROBE)


class HtmlChecker:
    """The Nu HTML Checker as a local web service (one JVM for the whole session)."""

    def __init__(self, port):
        self.port = port
        self.process = None

    def start(self, timeout=120):
        java = shutil.which("java")
        if not java or not VNU_JAR.exists():
            pytest.fail(f"Java or {VNU_JAR} missing: run `make checkers`")
        self.process = subprocess.Popen(
            [java, "-Xss1m", "-cp", str(VNU_JAR), "nu.validator.servlet.Main", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2).close()
                return self
            except (urllib.error.URLError, ConnectionError, OSError):
                if self.process.poll() is not None:
                    pytest.fail("the Nu HTML Checker stopped while starting")
                time.sleep(0.5)
        self.stop()
        pytest.fail("the Nu HTML Checker did not start in time")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def errors(self, html):
        """The checker's errors for ``html`` (a str), as "line N: message" lines."""
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}/?out=json",
            data=html.encode("utf-8"),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            messages = json.load(response)["messages"]
        return [
            f"line {message.get('lastLine', '?')}: {message['message']}"
            for message in messages
            if message.get("type") in {"error", "non-document-error"}
        ]

"""The national monitoring system (EMC, Thông tư 22/2023/TT-BTTTT): with EMC_SCRIPT_URL set,
every public page loads the script and the CSP admits exactly its origin; unset, nothing
changes."""

import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from portal.settings import csp_admitting

ROOT = Path(__file__).resolve().parents[2]
EMC = "https://emc.example.gov.vn/static/emc.js"


def _policy(response):
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = set(values)
    return directives


def _settings_policy(env):
    """CONTENT_SECURITY_POLICY as the settings module computes it from ``env``."""
    code = (
        "import json, django, os; os.environ['DJANGO_SETTINGS_MODULE']='portal.settings';"
        "from django.conf import settings;"
        "print(json.dumps(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']))"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("EMC_")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, "DJANGO_SECRET_KEY": "x", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def test_the_environment_variable_admits_exactly_the_scripts_origin():
    plain = _settings_policy({})
    with_emc = _settings_policy({"EMC_SCRIPT_URL": EMC})
    for name, values in plain.items():
        if name in ("script-src", "connect-src", "img-src"):
            assert with_emc[name] == [*values, "https://emc.example.gov.vn"], name
        else:
            assert with_emc[name] == values, name
    assert "https://emc.example.gov.vn" not in plain["script-src"]


def test_a_non_http_script_address_is_refused_at_start():
    with pytest.raises(Exception, match="EMC_SCRIPT_URL must be an http"):
        csp_admitting({"DIRECTIVES": {}}, "javascript:alert(1)")


@pytest.mark.django_db
def test_unset_pages_carry_no_script_and_the_strict_policy(client):
    html = client.get("/").content.decode()
    assert "emc-monitoring" not in html
    assert _policy(client.get("/gioi-thieu/"))["script-src"] == {"'self'"}


@pytest.fixture
def emc_settings(settings):
    def configure(url, site_id="SKHCN-CB"):
        settings.EMC_SCRIPT_URL = url
        settings.EMC_SITE_ID = site_id
        settings.CONTENT_SECURITY_POLICY = csp_admitting(settings.CONTENT_SECURITY_POLICY, url)

    return configure


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/gioi-thieu/", "/lien-he/", "/en/", "/tin-tuc/"])
def test_set_every_public_page_loads_the_script(client, emc_settings, path):
    emc_settings(EMC)
    response = client.get(path)
    html = response.content.decode()
    assert f'<script src="{EMC}" data-site-id="SKHCN-CB" id="emc-monitoring" async>' in html
    policy = _policy(response)
    for name in ("script-src", "connect-src", "img-src"):
        assert "https://emc.example.gov.vn" in policy[name]
    assert "https://emc.example.gov.vn" not in policy["default-src"]
    assert "'unsafe-inline'" not in policy["script-src"]


# --- In Chromium ------------------------------------------------------------------------

GIF = (
    b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
    b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"
)
# What a monitoring script does: load, report by fetch, and by an image beacon.
SCRIPT = b"""(function () {
  var script = document.currentScript, origin = new URL(script.src).origin;
  var site = script.getAttribute("data-site-id");
  fetch(origin + "/collect?site=" + encodeURIComponent(site), {mode: "no-cors"});
  new Image().src = origin + "/pixel.gif?site=" + encodeURIComponent(site);
})();
"""


@pytest.fixture
def emc_server():
    """A stand-in for the EMC server on another origin (127.0.0.1, not the live server's
    localhost), recording the paths it was asked for."""
    requested = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server API
            requested.append(self.path)
            path = self.path.split("?", 1)[0]
            body, kind = {
                "/emc.js": (SCRIPT, "text/javascript"),
                "/pixel.gif": (GIF, "image/gif"),
            }.get(path, (b"", "text/plain"))
            self.send_response(200 if body or path == "/collect" else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requested
    server.shutdown()
    server.server_close()


def _wait_for(requested, path, page):
    for _ in range(50):
        if any(item.startswith(path) for item in requested):
            return True
        page.wait_for_timeout(100)
    return False


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chromium_loads_the_home_page_and_the_script_with_no_csp_violation(
    page, live_server, emc_server, emc_settings
):
    origin, requested = emc_server
    emc_settings(origin + "/emc.js")
    violations = []
    page.on("console", lambda msg: violations.append(msg.text) if "Content" in msg.text else None)
    response = page.goto(live_server.url + "/")
    assert response.status == 200
    page.wait_for_load_state("networkidle")
    assert _wait_for(requested, "/emc.js", page)
    assert _wait_for(requested, "/collect?site=SKHCN-CB", page)
    assert _wait_for(requested, "/pixel.gif?site=SKHCN-CB", page)
    assert violations == []  # and the page fixture fails on any console error


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_chromium_reports_the_violation_when_the_policy_does_not_admit_it(
    page, page_problems, live_server, emc_server, settings
):
    """The control: the same script without its origin in the policy is blocked and
    Chromium says so, which is what the test above would have seen."""
    origin, requested = emc_server
    settings.EMC_SCRIPT_URL = origin + "/emc.js"
    page.goto(live_server.url + "/")
    page.wait_for_load_state("networkidle")
    assert not any(item.startswith("/emc.js") for item in requested)
    blocked = [problem for problem in page_problems if "Content Security Policy" in problem]
    assert blocked, page_problems
    page_problems[:] = [problem for problem in page_problems if problem not in blocked]

"""`make bench`'s own parts: the bare Django ceiling and the realistic visitors' browsers."""

import subprocess
import sys
from pathlib import Path

from core.readers import is_bot_user_agent

ROOT = Path(__file__).resolve().parent.parent


def test_the_browser_pool_is_twenty_real_browsers_none_taken_for_a_bot():
    from bench.run import BROWSER_AGENTS, NEW_ADDRESS_LUA

    assert len(set(BROWSER_AGENTS)) >= 20
    assert not [agent for agent in BROWSER_AGENTS if is_bot_user_agent(agent)]
    assert all(repr(agent) in NEW_ADDRESS_LUA for agent in BROWSER_AGENTS)


def test_the_ceiling_is_a_bare_django_project_that_answers():
    # Its own process: its settings module must not meet the portal's.
    code = (
        "from bench.bare.wsgi import application\n"
        "from django.conf import settings\n"
        "from django.test.client import RequestFactory\n"
        "assert settings.INSTALLED_APPS == [] and settings.MIDDLEWARE == []\n"
        "environ = RequestFactory()._base_environ(PATH_INFO='/', REQUEST_METHOD='GET',"
        " HTTP_HOST='127.0.0.1')\n"
        "status = []\n"
        "body = b''.join(application(environ, lambda s, h, e=None: status.append(s)))\n"
        "print(status[0], body.decode())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SECRET_KEY": "t"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "200 OK ok"

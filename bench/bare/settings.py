"""Settings of the bare Django project: nothing but what Django needs to answer."""

import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "bench-bare-only")
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = []
MIDDLEWARE = []
ROOT_URLCONF = "bench.bare.urls"
DATABASES = {}
TEMPLATES = []
USE_TZ = True
WSGI_APPLICATION = "bench.bare.wsgi.application"

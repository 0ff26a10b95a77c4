"""Demo accounts, loaded first by ``manage.py loaddemo``."""

from django.contrib.auth import get_user_model

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_PASSWORD = "caobang-demo-2026"


def load(*, stdout=None):
    """A superuser to try the admin with; created once, never reset afterwards."""
    User = get_user_model()
    if not User.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
        User.objects.create_superuser(
            username=DEMO_ADMIN_USERNAME,
            email="admin@example.invalid",
            password=DEMO_ADMIN_PASSWORD,
            first_name="Quản trị",
        )
        if stdout:
            stdout.write(f"Tài khoản quản trị mẫu: {DEMO_ADMIN_USERNAME} / {DEMO_ADMIN_PASSWORD}")

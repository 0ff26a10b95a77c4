"""django-axes throttles the sidebar login and the admin's login.

Five failures for one username from one client lock that pair for 15 minutes (HTTP 429
with a Vietnamese page); other usernames and other clients are not affected; a success
before the limit resets the count; staff can unlock.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.security.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db

LOCKED_TEXT = "Bạn đã nhập sai mật khẩu quá nhiều lần"
WRONG = "sai-mat-khau"  # noqa: S105


def sidebar_login(client, username, password, *, ip="203.0.113.10"):
    return client.post(
        "/dang-nhap/",
        {"username": username, "password": password, "next": "/gioi-thieu/"},
        REMOTE_ADDR=ip,
    )


def admin_login(client, username, password, *, ip="203.0.113.10"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=ip,
    )


def assert_locked(response):
    assert response.status_code == 429, response.status_code
    html = response.content.decode()
    assert LOCKED_TEXT in html
    assert "Traceback" not in html
    assert response["Retry-After"] == str(15 * 60)


def assert_let_in(response, client):
    """The login answered with its redirect and ``client`` is now signed in."""
    assert response.status_code == 302
    assert logged_in(client)


def logged_in(client):
    return "_auth_user_id" in client.session


def fail_times(login, client, username, times, **kwargs):
    return [login(client, username, WRONG, **kwargs).status_code for _ in range(times)]


@pytest.mark.parametrize("login", [sidebar_login, admin_login], ids=["sidebar", "admin"])
def test_five_failures_lock_even_the_right_password_out(login, staff_user):
    client = Client()
    statuses = fail_times(login, client, staff_user.username, 5)
    assert all(status != 500 for status in statuses)
    assert statuses[:4] != [429] * 4  # the first four are ordinary refusals
    assert_locked(login(client, staff_user.username, STAFF_PASSWORD))
    assert not logged_in(client)


@pytest.mark.parametrize("login", [sidebar_login, admin_login], ids=["sidebar", "admin"])
def test_four_failures_still_let_the_right_password_in(login, staff_user):
    client = Client()
    fail_times(login, client, staff_user.username, 4)
    assert_let_in(login(client, staff_user.username, STAFF_PASSWORD), client)


def test_failed_sidebar_login_says_why_in_vietnamese(staff_user):
    client = Client()
    response = sidebar_login(client, staff_user.username, WRONG)
    assert response.status_code == 302
    assert response["Location"] == "/gioi-thieu/"
    page = client.get("/gioi-thieu/").content.decode()
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in page


def test_sidebar_login_enforces_csrf(staff_user):
    client = Client(enforce_csrf_checks=True)
    response = sidebar_login(client, staff_user.username, STAFF_PASSWORD)
    assert response.status_code == 403
    assert not logged_in(client)
    client.get("/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/dang-nhap/",
        {
            "username": staff_user.username,
            "password": STAFF_PASSWORD,
            "next": "/",
            "csrfmiddlewaretoken": token,
        },
    )
    assert_let_in(response, client)


def test_lock_is_per_username(staff_user, django_user_model):
    other = django_user_model.objects.create_user(username="phongvien", password=STAFF_PASSWORD)
    client = Client()
    fail_times(sidebar_login, client, staff_user.username, 5)
    assert_let_in(sidebar_login(client, other.username, STAFF_PASSWORD), client)


def test_lock_is_per_client(staff_user):
    attacker = Client()
    fail_times(sidebar_login, attacker, staff_user.username, 5, ip="198.51.100.7")
    assert_locked(sidebar_login(attacker, staff_user.username, STAFF_PASSWORD, ip="198.51.100.7"))
    editor = Client()
    response = sidebar_login(editor, staff_user.username, STAFF_PASSWORD, ip="203.0.113.99")
    assert response.status_code == 302
    assert logged_in(editor)


def test_forged_forwarded_for_does_not_escape_the_lock(staff_user, settings):
    """Without trusted proxies X-Forwarded-For is ignored: rotating it changes nothing."""
    settings.TRUSTED_PROXIES = []
    client = Client()
    for n in range(5):
        client.post(
            "/dang-nhap/",
            {"username": staff_user.username, "password": WRONG},
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}",
        )
    response = client.post(
        "/dang-nhap/",
        {"username": staff_user.username, "password": STAFF_PASSWORD},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert_locked(response)


def test_success_before_the_limit_resets_the_count(staff_user):
    client = Client()
    fail_times(sidebar_login, client, staff_user.username, 4)
    assert sidebar_login(client, staff_user.username, STAFF_PASSWORD).status_code == 302
    client.post("/dang-xuat/")
    fail_times(sidebar_login, client, staff_user.username, 4)  # 4 more: 8 in all, not locked
    assert_let_in(sidebar_login(client, staff_user.username, STAFF_PASSWORD), client)


def test_lock_ends_after_the_cool_off(staff_user):
    client = Client()
    fail_times(sidebar_login, client, staff_user.username, 5)
    assert_locked(sidebar_login(client, staff_user.username, STAFF_PASSWORD))
    # The clock moves on: the attempts are now 14 minutes old, still locked...
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=14))
    assert_locked(sidebar_login(client, staff_user.username, STAFF_PASSWORD))
    # ...and 16 minutes old: the cool-off is over.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert_let_in(sidebar_login(client, staff_user.username, STAFF_PASSWORD), client)


def test_cool_off_length_comes_from_settings(staff_user, settings):
    settings.AXES_COOLOFF_TIME = timedelta(minutes=1)
    client = Client()
    fail_times(sidebar_login, client, staff_user.username, 5)
    response = sidebar_login(client, staff_user.username, STAFF_PASSWORD)
    assert response.status_code == 429
    assert "sau 1 phút" in response.content.decode()
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=2))
    assert sidebar_login(client, staff_user.username, STAFF_PASSWORD).status_code == 302


def test_staff_unlock_by_deleting_the_attempt_in_the_admin(staff_user, django_user_model):
    client = Client()
    fail_times(sidebar_login, client, staff_user.username, 5)
    assert_locked(sidebar_login(client, staff_user.username, STAFF_PASSWORD))
    other_admin = django_user_model.objects.create_superuser(
        username="quantri2", email="q2@example.invalid", password=STAFF_PASSWORD
    )
    staff = Client()
    staff.force_login(other_admin)
    listing = staff.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200
    assert staff_user.username in listing.content.decode()
    attempt = AccessAttempt.objects.get(username=staff_user.username)
    response = staff.post(
        f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"}, follow=False
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username=staff_user.username).exists()
    assert_let_in(sidebar_login(client, staff_user.username, STAFF_PASSWORD), client)


def test_axes_reset_command_unlocks_a_username(staff_user):
    client = Client()
    fail_times(sidebar_login, client, staff_user.username, 5)
    assert_locked(sidebar_login(client, staff_user.username, STAFF_PASSWORD))
    call_command("axes_reset_username", staff_user.username, verbosity=0)
    assert sidebar_login(client, staff_user.username, STAFF_PASSWORD).status_code == 302


def test_locked_out_page_is_vietnamese_inside_the_layout(staff_user):
    client = Client()
    fail_times(sidebar_login, client, staff_user.username, 5)
    response = sidebar_login(client, staff_user.username, WRONG)
    assert_locked(response)
    html = response.content.decode()
    assert "Tạm khóa đăng nhập" in html
    assert '<html lang="vi">' in html


def test_unknown_usernames_are_throttled_too():
    client = Client()
    fail_times(sidebar_login, client, "khong-ton-tai", 5)
    assert_locked(sidebar_login(client, "khong-ton-tai", WRONG))


# --- Password spraying: a lock on the client address alone -----------------------------


def spray(login, client, usernames, *, ip="198.51.100.66"):
    """One wrong password for each username (never 5 for one): what spraying looks like."""
    return [login(client, username, WRONG, ip=ip).status_code for username in usernames]


@pytest.mark.parametrize("login", [sidebar_login, admin_login], ids=["sidebar", "admin"])
def test_thirty_failures_from_one_address_lock_it_whatever_the_usernames(login, staff_user):
    client = Client()
    statuses = spray(login, client, [f"nguoidung{n}" for n in range(29)])
    assert 429 not in statuses  # 29 failures: no pair reached 5, the address is not locked
    assert_locked(login(client, "nguoidung29", WRONG, ip="198.51.100.66"))  # the 30th
    # Locked for every username, the right password included...
    response = login(client, staff_user.username, STAFF_PASSWORD, ip="198.51.100.66")
    assert_locked(response)
    assert "địa chỉ mạng của bạn" in response.content.decode()
    assert not logged_in(client)
    # ...but not for another address.
    other = Client()
    assert login(other, staff_user.username, STAFF_PASSWORD, ip="203.0.113.5").status_code == 302


def test_the_address_lock_ends_after_its_window(staff_user):
    client = Client()
    spray(sidebar_login, client, [f"nguoidung{n}" for n in range(30)])
    assert_locked(sidebar_login(client, staff_user.username, STAFF_PASSWORD, ip="198.51.100.66"))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    assert_let_in(
        sidebar_login(client, staff_user.username, STAFF_PASSWORD, ip="198.51.100.66"), client
    )


def test_the_address_limit_comes_from_settings(staff_user, settings):
    settings.LOGIN_CLIENT_FAILURE_LIMIT = 3
    client = Client()
    assert spray(sidebar_login, client, ["a", "b"]) == [302, 302]
    assert_locked(sidebar_login(client, "c", WRONG, ip="198.51.100.66"))


# --- What is kept, and for how long -----------------------------------------------------


def test_prune_login_records_forgets_old_logs_and_attempts_that_no_longer_lock(staff_user):
    from axes.models import AccessFailureLog, AccessLog

    now = timezone.now()
    old, recent = now - timedelta(days=31), now - timedelta(days=29)
    for model in (AccessLog, AccessFailureLog):  # attempt_time is set on creation: moved after
        for when in (old, recent):
            record = model.objects.create(
                username="bientap", ip_address="203.0.113.1", user_agent="UA"
            )
            model.objects.filter(pk=record.pk).update(attempt_time=when)
    for username, when in [("cu", now - timedelta(minutes=20)), ("moi", now)]:
        attempt = AccessAttempt.objects.create(
            username=username,
            ip_address="203.0.113.1",
            user_agent="UA",
            failures_since_start=5,
            get_data="",
            post_data="",
        )
        AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=when)

    call_command("prune_login_records", verbosity=0)

    assert list(AccessLog.objects.values_list("attempt_time", flat=True)) == [recent]
    assert list(AccessFailureLog.objects.values_list("attempt_time", flat=True)) == [recent]
    # An attempt that can still lock someone out is kept; one past both cool-offs goes.
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["moi"]

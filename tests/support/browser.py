"""Browser-test helpers shared by several test packages."""


def admin_login(page, base_url, username, password):
    """Sign in to the admin through its login form and wait for the admin index.

    Admin pages link no icon, so Chromium asks for /favicon.ico, which the site does not
    serve; that 404 is answered with an empty 204 so it is not reported as a page problem.
    """
    page.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")

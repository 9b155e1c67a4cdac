"""Signing in through the login form, as a user does, for the browser tests."""


def sign_in(page, base: str, username: str, password: str) -> None:
    """With a fresh cookie jar, sign in on `base` and wait for the dashboard."""
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/")

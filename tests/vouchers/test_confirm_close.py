"""Issue 16: closing a voucher says what it will do in the coach's words — the day it closes,
that no contacts can be added after, and how the client gets the evaluation (LBC-15)."""

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_voucher_close_page_says_the_day_and_what_follows(voucher, coach, logged_in):
    html = logged_in(coach).get(reverse("voucher_close", args=[voucher.pk])).content.decode()
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert f"vandaag, {today}" in html
    assert "geen contacten meer bij" in html
    assert "per e-mail de uitnodiging voor de evaluatie" in html


def test_voucher_close_page_says_the_letters_go_on_paper_without_an_email(
    voucher, coach, logged_in
):
    voucher.client.email = ""
    voucher.client.save()
    html = logged_in(coach).get(reverse("voucher_close", args=[voucher.pk])).content.decode()
    assert "De cliënt heeft geen e-mailadres" in html

"""Recovery codes kept only as keyed digests, used once, typed with or without their dash; and a
wrong second-factor code counts toward the same lock-out as a wrong password (issue 15)."""

import importlib
import re
from io import StringIO
from types import SimpleNamespace

import pytest
from axes.models import AccessAttempt
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from koers.core import crypto, mfa
from koers.core.forms import OTPCodeForm
from koers.core.models import RecoveryCode, RecoveryCodeDevice
from tests.second_factor import totp_code as _code

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("mfa_required_no_throttle")]

PASSWORD = "secret-pass-123"  # the factories' password


def _wrong(device: TOTPDevice) -> str:
    return f"{(int(_code(device)) + 1) % 1_000_000:06d}"


def _sign_in(client, username: str = "coach", address: str = "203.0.113.5"):
    return client.post(
        reverse("login"), {"username": username, "password": PASSWORD}, REMOTE_ADDR=address
    )


def _verify(client, code: str, address: str = "203.0.113.5"):
    return client.post(
        reverse("otp_verify"), {"code": code, "next": "/clienten/"}, REMOTE_ADDR=address
    )


@pytest.fixture
def device(coach):
    return TOTPDevice.objects.create(user=coach, name="Koers", confirmed=True)


@pytest.fixture
def codes(coach, device):
    return mfa.recovery_codes_issue(coach)


def _verified(client) -> bool:
    return client.get(reverse("client_list")).status_code == 200


def test_the_database_holds_no_recovery_code_in_clear(client, administrator):
    _sign_in(client, "beheerder")
    client.get(reverse("otp_setup"))
    device = TOTPDevice.objects.get(user=administrator, confirmed=False)
    html = client.post(reverse("otp_setup"), {"code": _code(device)}).content.decode()
    shown = re.findall(r"<li><code>([a-z2-7]{5}-[a-z2-7]{5})</code></li>", html)
    assert len(set(shown)) == 10
    stored = set(RecoveryCode.objects.values_list("digest", flat=True))
    assert stored == {crypto.recovery_code_digest(code) for code in shown}
    assert all(re.fullmatch(r"[0-9a-f]{64}", digest) for digest in stored)
    # Nowhere in the database: not in clear, not without the dash.
    dump = StringIO()
    call_command("dumpdata", stdout=dump)
    for code in shown:
        assert code not in dump.getvalue()
        assert code.replace("-", "") not in dump.getvalue()


def test_the_digest_is_keyed_by_the_secret_key(settings):
    first = crypto.recovery_code_digest("abcde-fghij")
    settings.SECRET_KEY = "een-andere-sleutel"
    assert crypto.recovery_code_digest("abcde-fghij") != first


def test_a_recovery_code_signs_in_once(client, coach, codes):
    for attempt in range(2):
        client.post(reverse("logout"))
        _sign_in(client)
        _verify(client, codes[0])
        assert _verified(client) is (attempt == 0)
    assert RecoveryCode.objects.filter(device__user=coach).count() == 9


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code,  # abcde-fghij, as shown
        lambda code: code.replace("-", ""),  # abcdefghij
        lambda code: " " + code.upper().replace("-", " ") + " ",  # ABCDE FGHIJ
        lambda code: code[:3] + " " + code[3:],  # abc de-fghij
    ],
    ids=["dashed", "undashed", "spaced-upper", "stray-space"],
)
def test_a_recovery_code_is_accepted_with_or_without_dash_and_spaces(client, codes, typed):
    _sign_in(client)
    _verify(client, typed(codes[0]))
    assert _verified(client)


def test_the_form_field_admits_the_dashed_code_with_spaces():
    form = OTPCodeForm({"code": " ABCDE - FGHIJ "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["code"] == "abcdefghij"


def test_two_racing_uses_of_one_code_sign_in_only_once(coach, codes):
    one = RecoveryCodeDevice.objects.get(user=coach)
    two = RecoveryCodeDevice.objects.get(user=coach)
    digest = crypto.recovery_code_digest(codes[0])
    pk = RecoveryCode.objects.get(digest=digest).pk
    assert one.verify_token(codes[0])
    RecoveryCode.objects.create(device=two, digest="0" * 64)  # the list `two` saw is stale
    assert not RecoveryCode.objects.filter(pk=pk).exists()
    assert not two.verify_token(codes[0])


def test_five_wrong_otp_codes_lock_the_account_like_wrong_passwords(client, coach, device):
    _sign_in(client)
    for _ in range(4):
        response = _verify(client, _wrong(device))
        assert response.status_code == 200
        assert "Deze code klopt niet" in response.content.decode()
    locked = _verify(client, _wrong(device))
    assert locked.status_code == 429
    assert "Account tijdelijk vergrendeld" in locked.content.decode()
    assert "_auth_user_id" not in client.session  # the half-signed-in session is ended
    # The right password no longer signs in, from any address.
    assert _sign_in(client, address="198.51.100.77").status_code == 429
    assert "_auth_user_id" not in client.session


def test_wrong_passwords_and_wrong_recovery_codes_add_up_to_one_lock_out(client, coach, codes):
    for _ in range(3):
        client.post(reverse("login"), {"username": "coach", "password": "fout"})
    _sign_in(client)
    assert _verify(client, "aaaaa-aaaaa").status_code == 200
    assert _verify(client, "bbbbb-bbbbb").status_code == 429
    assert _sign_in(client).status_code == 429


def test_signing_in_again_with_the_password_does_not_clear_the_wrong_codes(client, coach, device):
    _sign_in(client)
    for _ in range(4):
        _verify(client, _wrong(device))
    client.post(reverse("logout"))
    assert _sign_in(client).status_code == 302  # the password is right; the count stays
    assert _verify(client, _wrong(device)).status_code == 429


def test_a_locked_account_is_refused_at_the_code_step_even_with_the_right_code(
    client, coach, device
):
    _sign_in(client)
    attacker = Client()  # elsewhere, five wrong passwords lock the account meanwhile
    for n in range(5):
        attacker.post(
            reverse("login"), {"username": "coach", "password": "fout"}, REMOTE_ADDR=f"10.1.0.{n}"
        )
    assert _verify(client, _code(device)).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_right_code_clears_the_failures_of_the_sign_in(client, coach, device):
    _sign_in(client)
    for _ in range(3):
        _verify(client, _wrong(device))
    assert AccessAttempt.objects.filter(username="coach").exists()
    _verify(client, _code(device))
    assert _verified(client)
    assert not AccessAttempt.objects.filter(username="coach").exists()


def test_a_user_without_a_device_is_cleared_at_the_password(client, coach, settings):
    settings.KOERS_MFA_REQUIRED = False
    for _ in range(3):
        client.post(reverse("login"), {"username": "coach", "password": "fout"})
    assert _sign_in(client).status_code == 302
    assert not AccessAttempt.objects.filter(username="coach").exists()


def _old_static_tables(cursor) -> None:
    """The two tables django-otp's static plugin had (no longer installed), as far as read."""
    cursor.execute(
        "CREATE TABLE otp_static_staticdevice (id integer PRIMARY KEY, user_id integer,"
        " name varchar(64), confirmed boolean)"
    )
    cursor.execute(
        "CREATE TABLE otp_static_statictoken (id integer PRIMARY KEY, device_id integer,"
        " token varchar(16))"
    )


def test_the_migration_turns_plaintext_codes_into_digests_that_still_sign_in(client, coach):
    with connection.cursor() as cursor:
        _old_static_tables(cursor)
        cursor.execute(
            "INSERT INTO otp_static_staticdevice VALUES (1, %s, 'Herstelcodes', %s)",
            [coach.pk, True],
        )
        cursor.execute(
            "INSERT INTO otp_static_statictoken VALUES (1, 1, 'oudecode'), (2, 1, 'tweede22')"
        )
    TOTPDevice.objects.create(user=coach, name="Koers", confirmed=True)
    migration = importlib.import_module("koers.core.migrations.0013_recovery_codes_hashed")
    migration.hash_codes(apps, SimpleNamespace(connection=connection))  # it needs no more
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM otp_static_statictoken")
        assert cursor.fetchone() == (0,)
    assert set(RecoveryCode.objects.values_list("digest", flat=True)) == {
        crypto.recovery_code_digest("oudecode"),
        crypto.recovery_code_digest("tweede22"),
    }
    _sign_in(client)
    _verify(client, "OUDECODE")
    assert _verified(client)

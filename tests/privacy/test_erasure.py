"""Art. 17: a confirmed erasure blanks the person in every app and in the history, deletes the
files, keeps what the law requires without the person's details, and records only ids."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone

from koers.core.models import Client, FileAccess
from koers.intake.models import CallOutcome, Lead
from koers.privacy.erasure import erasure_confirm, erasure_request
from koers.privacy.models import ErasedSubject, ErasureRequest
from koers.privacy.shredding import ERASED
from koers.trajectories.models import Contact, Document
from koers.vouchers.models import Voucher
from tests.privacy.conftest import NATIONAL_NUMBER, make_lead

pytestmark = pytest.mark.django_db(transaction=False)


def _erase(
    kind, subject_id, administrator, second_administrator, django_capture_on_commit_callbacks
):
    now = timezone.now()
    asked = erasure_request(kind=kind, subject_id=subject_id, acting_user=administrator, now=now)
    with django_capture_on_commit_callbacks(execute=True):
        return erasure_confirm(request_id=asked.pk, acting_user=second_administrator, now=now)


@pytest.fixture
def erase(administrator, second_administrator, django_capture_on_commit_callbacks):
    def _run(kind, subject_id):
        return _erase(
            kind,
            subject_id,
            administrator,
            second_administrator,
            django_capture_on_commit_callbacks,
        )

    return _run


def test_erasure_blanks_the_client_row_and_every_history_row_of_it(person, erase):
    assert Client.history.filter(id=person.client.pk, first_name="Nora").exists()
    erase("client", person.client.pk)
    client = Client.objects.get(pk=person.client.pk)
    assert (client.first_name, client.last_name) == (ERASED, ERASED)
    assert (client.email, client.phone, client.street, client.city) == ("", "", "", "")
    assert client.birth_date is None and not client.has_national_number
    assert client.national_number_index == ""
    for row in Client.history.filter(id=client.pk):
        assert (row.first_name, row.email, row.street, row.birth_date) == (ERASED, "", "", None)
        assert row.national_number_encrypted == "" and row.national_number_index == ""


def test_erasure_blanks_contact_reports_in_the_rows_and_their_history(person, erase):
    assert Contact.history.filter(id=person.contact.pk).count() >= 2
    erase("client", person.client.pk)
    assert Contact.objects.get(pk=person.contact.pk).notes == ""
    assert set(Contact.history.filter(id=person.contact.pk).values_list("notes", flat=True)) == {""}


def test_erasure_deletes_the_uploaded_document_from_storage(person, erase):
    name = person.document.file.name
    assert default_storage.exists(name)
    erased = erase("client", person.client.pk)
    assert not default_storage.exists(name)
    document = Document.objects.get(pk=person.document.pk)
    assert (document.file.name, document.title, document.original_filename) == ("", ERASED, "")
    assert not Document.history.filter(id=document.pk).exclude(file="").exists()
    assert erased.files_deleted == 1


def test_erasure_keeps_the_voucher_for_vdab_without_what_the_client_said(person, erase):
    erase("client", person.client.pk)
    voucher = Voucher.objects.get(pk=person.voucher.pk)
    assert voucher.number == person.voucher.number
    assert voucher.trajectory.start_date == person.voucher.trajectory.start_date
    assert voucher.career_question == ""
    assert not Voucher.history.filter(id=voucher.pk).exclude(career_question="").exists()


def test_erasure_of_a_client_also_blanks_the_lead_they_came_from(person, erase):
    erase("client", person.client.pk)
    lead = Lead.objects.get(pk=person.lead.pk)
    assert (lead.first_name, lead.email, lead.phone, lead.career_question) == (ERASED, "", "", "")
    assert CallOutcome.objects.get(pk=person.call.pk).note == ""
    assert not Lead.history.filter(id=lead.pk, first_name="Nora").exists()


def test_erasure_of_a_lead_leaves_other_leads_alone(centre, erase):
    gone, other = make_lead(centre), make_lead(centre, first_name="Mila")
    erase("lead", gone.pk)
    assert Lead.objects.get(pk=gone.pk).first_name == ERASED
    assert Lead.objects.get(pk=other.pk).first_name == "Mila"


def test_erasure_leaves_another_client_of_the_same_centre_untouched(person, erase, centre):
    from tests.factories import ClientFactory

    other = ClientFactory(organisation=centre, first_name="Mila")
    erase("client", person.client.pk)
    assert Client.objects.get(pk=other.pk).first_name == "Mila"


def test_erasure_record_holds_ids_who_when_and_counts_only(person, erase, administrator):
    FileAccess.objects.create(user=administrator, client=person.client)
    erased = erase("client", person.client.pk)
    row = ErasureRequest.objects.values().get(pk=erased.pk)
    text = str(row)
    assert "Nora" not in text and "Peeters" not in text and NATIONAL_NUMBER not in text
    assert erased.counts["core.Client"] == 1 and erased.counts["trajectories.Contact"] == 1
    assert (
        erased.subject_id == person.client.pk
        and erased.organisation_id == person.client.organisation_id
    )
    # Who opened the file stays (accountability), by id only.
    assert FileAccess.objects.filter(client_id=person.client.pk).exists()


def test_an_erased_person_cannot_be_asked_for_again(person, erase, administrator):
    erase("client", person.client.pk)
    assert ErasedSubject.objects.filter(kind="client", subject_id=person.client.pk).exists()
    with pytest.raises(ValidationError, match="al gewist"):
        erasure_request(
            kind="client",
            subject_id=person.client.pk,
            acting_user=administrator,
            now=timezone.now(),
        )


def test_a_person_the_administrator_cannot_find_is_refused_by_id(administrator):
    with pytest.raises(ValidationError) as refused:
        erasure_request(
            kind="client", subject_id=999_999, acting_user=administrator, now=timezone.now()
        )
    assert "subject_id" in refused.value.message_dict

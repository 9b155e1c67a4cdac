"""What a person types in the client form, for the page tests of core and the workplace."""

VALID_NN = "85073003328"


def client_post(**overrides):
    data = {
        "first_name": "Bert",
        "last_name": "Verhoeven",
        "birth_date": "30/07/1985",
        "national_number": "",
        "email": "bert@example.org",
        "phone": "0470 12 34 56",
        "street": "Kerkstraat 1",
        "postal_code": "9000",
        "city": "Gent",
        "preferred_language": "nl",
        "consent_processing": "on",
        "programme": "voucher",
    }
    data.update(overrides)
    return data

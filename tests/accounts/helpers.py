from tests.factories import PASSWORD


def sign_in(client, user, password: str = PASSWORD):
    """Sign in through allauth's form, as a person would (not force_login)."""
    return client.post("/accounts/login/", {"login": user.email, "password": password})

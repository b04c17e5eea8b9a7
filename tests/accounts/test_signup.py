import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Collection

from accounts.enums import Role
from accounts.models import ConsultantWorkspace, User
from portfolio.models import SpeakerProfilePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("on_commit_runs")]

GOOD_PASSWORD = "a quiet lighthouse on the northern coast"


def signup(client, **overrides):
    data = {
        "email": "new.person@example.org",
        "password1": GOOD_PASSWORD,
        "password2": GOOD_PASSWORD,
        "role": Role.CONSULTANT,
    }
    data.update(overrides)
    return client.post("/accounts/signup/", data)


def nothing_was_written():
    return (
        not User.objects.exists()
        and not EmailAddress.objects.exists()
        and not ConsultantWorkspace.objects.exists()
        and not Collection.objects.filter(depth__gt=1).exists()
        and not Group.objects.filter(name__startswith="consultant-").exists()
    )


def test_signup_as_consultant_creates_a_private_workspace(client):
    response = signup(client)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    user = User.objects.get(email="new.person@example.org")
    assert user.role == Role.CONSULTANT
    workspace = ConsultantWorkspace.objects.get(user=user)
    assert workspace.collection.name == f"consultant-{user.public_id.hex[:12]}"
    assert set(user.groups.values_list("name", flat=True)) == {workspace.group.name, "Network"}
    assert "new.person" not in workspace.collection.name
    profile = user.speaker_profile
    assert not profile.live
    assert "new" not in profile.slug
    assert "person" not in profile.slug


def test_signup_as_organization_member_creates_no_workspace(client):
    signup(client, role=Role.ORGANIZATION)

    user = User.objects.get(email="new.person@example.org")
    assert user.role == Role.ORGANIZATION
    assert not ConsultantWorkspace.objects.exists()
    assert not user.groups.exists()


def test_signup_sends_a_verification_email_and_does_not_sign_in(client):
    signup(client)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["new.person@example.org"]
    assert "/accounts/confirm-email/" in mail.outbox[0].body
    assert "_auth_user_id" not in client.session


def test_signup_form_offers_both_roles_and_no_remember_me(client):
    html = client.get("/accounts/signup/").content.decode()

    assert 'value="consultant"' in html
    assert 'value="organization"' in html
    assert "remember" not in html.lower()
    assert "username" not in html.lower()


def test_signup_without_role_is_refused_with_a_clear_message(client):
    response = signup(client, role="")

    assert response.status_code == 200
    assert "Please choose how you are joining." in response.content.decode()
    assert nothing_was_written()


@pytest.mark.parametrize("role", ["editor", "staff", "superuser", "CONSULTANT", "<script>"])
def test_signup_cannot_choose_an_unknown_role(client, role):
    response = signup(client, role=role)

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert nothing_was_written()


@pytest.mark.parametrize(
    "email",
    [
        "x" * 10_000 + "@example.org",
        "<script>alert(1)</script>@example.org",
        "person@example.org\x00",
        "not-an-address",
        "",
    ],
)
def test_signup_with_a_hostile_email_is_refused_and_writes_nothing(client, email):
    response = signup(client, email=email)

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert nothing_was_written()


@pytest.mark.parametrize("password", ["password123", "12345678901", "qwertyuiop"])
def test_signup_refuses_common_or_numeric_passwords(client, password):
    response = signup(client, password1=password, password2=password)

    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    assert nothing_was_written()


def test_signup_accepts_a_64_character_passphrase(client):
    passphrase = "correct horse battery staple " * 2 + "and a kite"
    assert len(passphrase) == 68

    signup(client, password1=passphrase, password2=passphrase)

    assert User.objects.get().check_password(passphrase)


def test_signup_with_an_existing_address_reveals_nothing(client, user):
    response = signup(client, email=user.email.upper())

    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert User.objects.count() == 1


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    email=st.text(max_size=300),
    role=st.text(max_size=30),
    password=st.text(max_size=80),
)
def test_signup_never_errors_on_arbitrary_input(client, email, role, password):
    cache.clear()  # each example is a first visit, never held back by the rate limit
    users_before = User.objects.count()

    response = client.post(
        "/accounts/signup/",
        {"email": email, "password1": password, "password2": password, "role": role},
    )

    if response.status_code == 302:
        # Signed up, or an address already taken: the same "check your e-mail" page.
        assert response["Location"] == "/accounts/confirm-email/"
    else:
        assert response.status_code == 200
        assert response.context["form"].errors
        assert User.objects.count() == users_before


def _refuse_profile_pages():
    """Make the database itself refuse a new profile page, as a broken write would."""
    table = "portfolio_speakerprofilepage"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION podium_refuse() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER podium_refuse BEFORE INSERT ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION podium_refuse()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER podium_refuse BEFORE INSERT ON {table} "
                "BEGIN SELECT RAISE(ABORT, 'refused'); END"
            )

    def undo():
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER podium_refuse ON {table}")
                cursor.execute("DROP FUNCTION podium_refuse()")
            else:
                cursor.execute("DROP TRIGGER podium_refuse")

    return undo


def _remove_network_group():
    """The last step of the workspace (joining the network group) finds nothing to join."""
    network = Group.objects.get(name="Network")
    network.delete()
    return lambda: Group.objects.create(name="Network")


def _remove_an_image_permission():
    """One of the rights the workspace's group gets is missing: the group is not set up
    with fewer rights than it should have."""
    permission = Permission.objects.get(
        content_type__app_label="wagtailimages", codename="choose_image"
    )
    fields = {"name": permission.name, "content_type": permission.content_type}
    permission.delete()
    return lambda: Permission.objects.create(codename="choose_image", **fields)


@pytest.mark.parametrize(
    "break_workspace", [_refuse_profile_pages, _remove_network_group, _remove_an_image_permission]
)
def test_a_failing_workspace_leaves_no_account_behind_and_says_so_calmly(client, break_workspace):
    undo = break_workspace()
    try:
        response = signup(client)
    finally:
        undo()

    assert response.status_code == 200
    assert "could not be created just now, and nothing was saved" in response.content.decode()
    assert nothing_was_written()
    assert not SpeakerProfilePage.objects.exists()
    assert mail.outbox == []

    # Nothing is lost either: the same address signs up once the cause is gone.
    assert signup(client)["Location"] == "/accounts/confirm-email/"
    assert User.objects.get(email="new.person@example.org").speaker_profile
    assert len(mail.outbox) == 1

"""The predicates that decide who must do what (accounts/rules.py)."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser

from accounts import rules
from tests.factories import ConsultantFactory, EditorFactory, ModeratorFactory, UserFactory

pytestmark = pytest.mark.django_db


PEOPLE = {
    "anonymous": AnonymousUser,
    "organization member": UserFactory,
    "consultant": ConsultantFactory,
    "editor": EditorFactory,
    "moderator": ModeratorFactory,
    "staff": lambda: UserFactory(is_staff=True),
    "superuser": lambda: UserFactory(is_superuser=True),
}


@pytest.mark.parametrize(
    ("person", "editor", "consultant", "staff", "must_enroll"),
    [
        ("anonymous", False, False, False, False),
        ("organization member", False, False, False, False),
        ("consultant", False, True, False, False),
        ("editor", True, False, False, True),
        ("moderator", True, False, False, True),
        ("staff", False, False, True, True),
        ("superuser", True, False, True, True),
    ],
)
def test_roles(person, editor, consultant, staff, must_enroll):
    user = PEOPLE[person]()

    assert rules.is_editor(user) is editor
    assert rules.is_consultant(user) is consultant
    assert rules.is_staff(user) is staff
    assert rules.must_enroll_mfa(user) is must_enroll
    # The middleware's form, given the editor check the request's Viewer answered.
    assert rules.must_enroll_mfa_given(user, editor=editor) is must_enroll


@pytest.mark.parametrize(
    ("kinds", "strong"),
    [
        ([], False),
        ([Authenticator.Type.RECOVERY_CODES], False),
        ([Authenticator.Type.TOTP], True),
        ([Authenticator.Type.WEBAUTHN], True),
        ([Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES], True),
    ],
)
def test_only_totp_or_a_passkey_counts_as_a_second_factor(kinds, strong):
    user = EditorFactory()
    for kind in kinds:
        Authenticator.objects.create(user=user, type=kind, data={})

    assert rules.has_strong_authenticator(user) is strong
    assert rules.must_enroll_mfa(user) is not strong
    assert rules.must_enroll_mfa_given(user, editor=True) is not strong


def test_another_persons_authenticator_does_not_count():
    editor, other = EditorFactory(), UserFactory()
    Authenticator.objects.create(user=other, type=Authenticator.Type.TOTP, data={})

    assert rules.must_enroll_mfa(editor)


def test_the_requests_editor_answer_is_asked_once_and_kept_on_that_user_object_only(
    django_assert_num_queries,
):
    user = EditorFactory()

    # The groups once; then only must_enroll_mfa's authenticator check.
    with django_assert_num_queries(2):
        assert rules.is_editor_for_request(user) is True
        assert rules.is_editor(user) is True
        assert rules.must_enroll_mfa(user) is True

    user.groups.clear()
    fresh = type(user).objects.get(pk=user.pk)
    assert rules.is_editor(fresh) is False
    assert rules.is_editor_for_request(AnonymousUser()) is False
    assert not hasattr(AnonymousUser(), rules.EDITOR_ANSWER)

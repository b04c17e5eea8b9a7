import pytest
from allauth.account.models import EmailAddress
from django.core.management import CommandError, call_command

from accounts.enums import EDITORS_GROUP
from accounts.models import ConsultantWorkspace, User

pytestmark = pytest.mark.django_db


def test_load_demo_creates_the_documented_accounts_and_is_idempotent(settings):
    settings.DEBUG = True

    call_command("load_demo")
    call_command("load_demo")

    emails = set(User.objects.values_list("email", flat=True))
    assert emails == {"consultant@example.org", "organization@example.org", "editor@example.org"}
    assert EmailAddress.objects.filter(verified=True).count() == 3
    consultant = User.objects.get(email="consultant@example.org")
    assert consultant.check_password("podium-demo-2026")
    assert ConsultantWorkspace.objects.filter(user=consultant).count() == 1
    editor = User.objects.get(email="editor@example.org")
    assert editor.groups.filter(name=EDITORS_GROUP).exists()


def test_load_demo_refuses_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo")
    assert not User.objects.exists()

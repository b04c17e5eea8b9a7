"""Fictional demo content for `make run`. Idempotent; refuses to run with DEBUG off."""

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts import services
from accounts.enums import EDITORS_GROUP, Role
from accounts.models import User
from circle import demo as circle_demo
from cms import demo as cms_demo
from core.models import SiteSettings
from insight import demo as insight_demo
from networking import demo as networking_demo
from portfolio import demo as portfolio_demo
from statements import demo as statements_demo

# Published in the README: these accounts must never exist on a real site.
DEMO_PASSWORD = "podium-demo-2026"  # noqa: S105 (documented demo password, DEBUG only)
DEMO_USERS = [
    # (e-mail, role, first name, editor)
    ("consultant@example.org", Role.CONSULTANT, "Lina", False),
    ("organization@example.org", Role.ORGANIZATION, "Theo", False),
    ("editor@example.org", "", "Mara", True),
]


class Command(BaseCommand):
    help = "Load fictional demo content (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo content has published passwords: it loads only with DEBUG on.")
        with transaction.atomic():
            SiteSettings.load()
            for email, role, first_name, is_editor in DEMO_USERS:
                self._user(email, role, first_name, is_editor)
            portfolio_demo.load(password=DEMO_PASSWORD)
            networking_demo.load(password=DEMO_PASSWORD)
            cms_demo.load()
            cms_demo.feature_on_home()
            cms_demo.circle_guides()
            circle_demo.load()
            insight_demo.load()
            # Last: the statement freezes the paid engagements every other part made.
            statements_demo.load()
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def _user(self, email, role, first_name, is_editor):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=DEMO_PASSWORD)
            user.first_name = first_name
            if role:
                services.user_register(user=user, role=role)
            else:
                user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if is_editor:
            user.groups.add(Group.objects.get(name=EDITORS_GROUP))
        return user

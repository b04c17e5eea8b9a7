"""What the tests create, made the way the product makes it: people of each role (with a
verified address), organizations and their members, and consultant pages published
through Wagtail's revisions as the consultant would publish them.

One shortcut: while a factory makes and publishes a page, each object it saves is put
in the search index and in Wagtail's reference index once, when the factory is done,
rather than on each of its saves (creating and publishing a profile saves the page four
times). Both indexes end as the product leaves them; nothing reads them while a factory
runs (the reference index is read when someone asks for an image's rendition).
"""

import functools
import itertools
from contextlib import contextmanager

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.utils import timezone
from modelsearch import signal_handlers as search_signal_handlers
from wagtail import signal_handlers as wagtail_signal_handlers

from accounts import services
from accounts.enums import EDITORS_GROUP, MODERATORS_GROUP, Role
from accounts.models import User
from networking.models import Membership
from networking.services.organizations import network_access_sync
from portfolio.models import SpeakerProfilePage

PASSWORD = "a long and unusual passphrase 42"


class _OncePerObject:
    """Stands in for an index task while a factory runs: keeps each object's address
    once, in order, and hands them to the real task at the end."""

    def __init__(self, task):
        self.task = task
        self.pending: dict[tuple, None] = {}

    def enqueue(self, *args):
        self.pending[args] = None

    def flush(self):
        for args in self.pending:
            self.task.enqueue(*args)


# The module attributes the save signals look their index task up on.
_INDEX_TASKS = (
    (search_signal_handlers, "insert_or_update_object_task"),
    (wagtail_signal_handlers, "update_reference_index_task"),
)


@contextmanager
def _indexed_once():
    if isinstance(getattr(*_INDEX_TASKS[0]), _OncePerObject):
        yield  # a factory inside another: the outer one flushes
        return
    deferred = [
        (module, name, _OncePerObject(getattr(module, name))) for module, name in _INDEX_TASKS
    ]
    for module, name, stand_in in deferred:
        setattr(module, name, stand_in)
    try:
        yield
    finally:
        for module, name, stand_in in deferred:
            setattr(module, name, stand_in.task)
    for _module, _name, stand_in in deferred:
        stand_in.flush()


def indexed_once(make):
    @functools.wraps(make)
    def wrapper(*args, **kwargs):
        with _indexed_once():
            return make(*args, **kwargs)

    return wrapper


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    role = Role.ORGANIZATION
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """A verified primary address, as after following the confirmation e-mail."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
        if create:
            obj.save()


class ConsultantFactory(UserFactory):
    role = Role.CONSULTANT

    @factory.post_generation
    def workspace(obj, create, extracted, **kwargs):
        if create:
            with _indexed_once():
                services.consultant_workspace_create(user=obj)


def _joins(group_name: str):
    def join(obj, create, extracted, **kwargs):
        if create:
            obj.groups.add(Group.objects.get(name=group_name))

    return factory.PostGeneration(join)


class EditorFactory(UserFactory):
    role = ""
    editors_group = _joins(EDITORS_GROUP)


class ModeratorFactory(UserFactory):
    role = ""
    moderators_group = _joins(MODERATORS_GROUP)


@indexed_once
def published_profile(consultant=None, *, audience="public", title="Ada Stone", **fields):
    """A consultant's profile, filled in and published as the consultant would."""
    consultant = consultant or ConsultantFactory()
    profile = SpeakerProfilePage.objects.get(consultant=consultant)
    topics = fields.pop("topics", [])
    languages = fields.pop("languages", [])
    rates = fields.pop("rates", [])
    profile.title = title
    profile.slug = fields.pop("slug", f"speaker-{consultant.pk}")
    profile.audience = audience
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.topics = topics
    profile.languages = languages
    for engagement_type, fee in rates:
        profile.rates.add(
            RateCardEntryFactory.build(engagement_type=engagement_type, minimum_fee=fee)
        )
    profile.save_revision(user=consultant).publish()
    profile.refresh_from_db()
    return profile


@indexed_once
def published_child(profile, page_class, *, audience="public", title="A post", **fields):
    topics = fields.pop("topics", [])
    page = page_class(title=title, audience=audience, **fields)
    profile.add_child(instance=page)
    page.topics = topics
    page.save_revision(user=profile.consultant).publish()
    page.refresh_from_db()
    return page


class RateCardEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "portfolio.RateCardEntry"

    engagement_type = "keynote"
    minimum_fee = 500
    currency = "USD"
    unit = "event"


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "portfolio.Topic"
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    """A verified organization unless told otherwise."""

    class Meta:
        model = "networking.Organization"

    name = factory.Sequence(lambda n: f"Harbor Alliance {n}")
    kind = "ngo"
    email_domain = factory.Sequence(lambda n: f"org{n}.example")
    verification = "verified"
    verified_at = factory.LazyFunction(timezone.now)


_member_numbers = itertools.count(1)


def member_of(organization, *, role="admin", mfa=True, **fields):
    """A person in the organization, with a second factor unless mfa=False."""
    fields.setdefault("email", f"member{next(_member_numbers)}@{organization.email_domain}")
    user = UserFactory(role=Role.ORGANIZATION, **fields)
    Membership.objects.create(organization=organization, user=user, role=role)
    if mfa:
        Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={})
    network_access_sync(organization=organization)
    return user

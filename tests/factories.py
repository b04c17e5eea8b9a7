"""One factory per model the tests create. Pages use wagtail_factories."""

import factory
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from accounts import services
from accounts.enums import EDITORS_GROUP, MODERATORS_GROUP, Role
from accounts.models import User

PASSWORD = "a long and unusual passphrase 42"


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

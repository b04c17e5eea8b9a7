"""Editor-kept labels, lists of countries and languages, and messages to a reader, in the
reader's language."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from accounts.services import user_language_set
from core.i18n import country_code
from core.models import SiteSettings
from networking.models import Notification
from networking.services.notifications import notify
from networking.services.organizations import invitation_create
from portfolio.models import Language, Topic
from tests.factories import ConsultantFactory, OrganizationFactory, TopicFactory, member_of


@pytest.mark.django_db
def test_menu_labels_follow_the_interface_and_say_their_language(client):
    english = client.get("/speakers/", headers={"accept-language": "en"}).content.decode()
    spanish = client.get("/speakers/", headers={"accept-language": "es"}).content.decode()
    assert '<a href="/speakers/" lang="en">Speakers</a>' in english
    assert '<a href="/speakers/" lang="es">Ponentes</a>' in spanish
    assert '<a href="/privacy/" lang="es">Privacidad</a>' in spanish


@pytest.mark.django_db
def test_a_label_without_spanish_shows_its_english_marked_as_english(client):
    settings = SiteSettings.load()
    settings.header_links = [
        ("link", {"label": "Events", "label_es": "", "page": None, "address": "/events/"})
    ]
    settings.save()
    spanish = client.get("/speakers/", headers={"accept-language": "es"}).content.decode()
    assert '<a href="/events/" lang="en">Events</a>' in spanish


@pytest.mark.django_db
def test_benchmarks_and_the_hotline_have_their_spanish():
    settings = SiteSettings.load()
    with translation.override("es"):
        pairs = [(str(a), str(b)) for a, b in settings.benchmark_pairs()]
        hotline = str(settings.hotline_label)
    assert pairs[1] == ("Mínimo del estado de Washington por experiencia vivida", "57 US$ por hora")
    assert hotline == "Línea Nacional contra la Trata de Personas de EE. UU."
    with translation.override("en"):
        assert str(settings.benchmark_pairs()[1][1]) == "$57 per hour"


@pytest.mark.django_db
def test_topic_names_and_the_home_introduction_follow_the_interface(client):
    topic = TopicFactory(name="Housing and shelter", name_es="Vivienda y refugio")
    assert str(Topic.objects.get(pk=topic.pk)) == "Housing and shelter"
    with translation.override("es"):
        assert str(topic) == "Vivienda y refugio"
    page = client.get("/", headers={"accept-language": "es"}).content.decode()
    assert 'lang="es"><p>Podium es donde las personas líderes sobrevivientes' in page


@pytest.mark.django_db
def test_language_names_come_from_translated_lists():
    names = dict(Language.objects.values_list("code", "name"))
    assert names["fr"] == "French"  # stored in English
    with translation.override("es"):
        shown = {language.code: str(language) for language in Language.objects.all()}
    assert shown["fr"] == "Francés"
    assert shown["zh"] == "Chino"
    assert shown["ase"] == "Lengua de señas americana"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("United States", "US"),
        ("  usa ", "US"),
        ("Kenya", "KE"),
        ("united kingdom", "GB"),
        ("México", "MX"),
        ("ke", "KE"),
        ("Pacific Northwest", ""),
        ("", ""),
    ],
)
def test_free_text_countries_map_to_codes_and_unknown_ones_to_nothing(text, code):
    assert country_code(text) == code


@pytest.mark.django_db
def test_country_names_are_shown_in_the_readers_language(client):
    from tests.factories import published_profile

    profile = published_profile(title="Ada Stone", country="DE")
    spanish = client.get(profile.url, headers={"accept-language": "es"})
    english = client.get(profile.url, headers={"accept-language": "en"})
    assert "Alemania" in spanish.content.decode()
    assert "Germany" in english.content.decode()


@pytest.mark.django_db
def test_the_directory_filters_by_country_code(client):
    from tests.factories import published_profile

    published_profile(title="Ada Stone", country="DE")
    published_profile(title="Bo Lind", country="SE")
    page = client.get("/speakers/?country=SE", headers={"accept-language": "es"})
    text = page.content.decode()
    assert "Bo Lind" in text
    assert "Ada Stone" not in text
    assert '<option value="SE" selected>Suecia</option>' in text


@pytest.mark.django_db
def test_a_notification_reads_in_the_language_of_whoever_reads_it(client):
    reader = ConsultantFactory()
    with translation.override("es"):  # triggered by someone reading Spanish
        notify(user=reader, event_key="k1", text=_booking_news(), url="/x/")
    notification = Notification.objects.get(user=reader)
    assert notification.text == "There is news about a booking."
    client.force_login(reader)
    url = reverse("networking:notifications")
    assert "Hay novedades" in client.get(url, headers={"accept-language": "es"}).content.decode()
    assert "There is news about a booking." in client.get(url).content.decode()


def _booking_news():
    from django.utils.translation import gettext_lazy

    return gettext_lazy("There is news about a booking.")


@pytest.mark.django_db
@pytest.mark.usefixtures("on_commit_runs")
def test_an_invitation_is_in_the_invitees_language_when_they_have_an_account():
    organization = OrganizationFactory()
    inviter = member_of(organization)
    invitee = ConsultantFactory(email=f"lectora@{organization.email_domain}")
    user_language_set(user=invitee, language="es")
    mail.outbox.clear()
    with translation.override("en"):
        invitation_create(
            actor=inviter, organization=organization, email=invitee.email, role="member"
        )
    assert mail.outbox[0].body.startswith("Hola:")
    mail.outbox.clear()
    with translation.override("en"):
        invitation_create(
            actor=inviter,
            organization=organization,
            email=f"nadie@{organization.email_domain}",
            role="member",
        )
    assert "Hello," in mail.outbox[0].body  # no account: the inviter's language


@pytest.mark.django_db
def test_the_admin_speaks_the_language_the_person_chose(client):
    consultant = ConsultantFactory()
    user_language_set(user=consultant, language="es")
    assert UserProfile.get_for_user(consultant).preferred_language == "es"
    client.force_login(consultant)
    # A browser that asks for English still gets the admin in the person's language.
    page = client.get("/admin/", headers={"accept-language": "en"}).content.decode()
    assert 'lang="es"' in page

"""One name, one member: a name that only looks different from another member's (case,
full-width letters, zero-width characters, spaces) is refused when asking to join and in
the settings, with the same answer as a name the forum uses for posts without one; the
database holds the rule when two people take a name at the same moment; the migration
gave members who already shared a name distinct ones."""

import threading
import time
from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone, translation

from circle.enums import MemberStatus
from circle.models import Member
from circle.names import name_key
from circle.services import forum
from circle.services import membership as services
from networking.errors import Refused
from tests.circle.membership_people import member
from tests.factories import ConsultantFactory
from tests.networking.test_races import race, signed_in

HOME = reverse("circle:home")
SETTINGS = reverse("circle:settings")
REFUSED = "This name cannot be used in the circle. Please choose another."
LOOKALIKES = [
    "ana reyes",
    "ANA REYES",
    "\uff21\uff4e\uff41 \uff32\uff45\uff59\uff45\uff53",  # full-width letters
    "Ana Re\u200byes",  # a zero-width space
    "\ufeffAna Reyes\u2060",  # a zero-width no-break space and a word joiner
    "Ana   Reyes",
    "Ana\u00a0Reyes",  # a no-break space
    "Ana\u3000Reyes",  # an ideographic space
]
RESERVED = ["A member of this circle", "a former MEMBER", "Un miembro de este círculo"]

BEFORE = [("circle", "0004_editors_keep_circles")]


@pytest.fixture
def ana(db):
    return member(name="Ana Reyes")


@pytest.mark.django_db
@pytest.mark.parametrize("name", LOOKALIKES)
def test_nobody_asks_to_join_under_a_members_name_however_written(client, ana, name):
    applicant = ConsultantFactory()
    client.force_login(applicant)

    response = client.post(HOME, {"name": name, "note": "Hello"})

    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert not Member.objects.filter(user=applicant).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", LOOKALIKES)
def test_no_member_renames_themselves_after_another_however_written(client, ana, name):
    ben = member(name="Ben Okafor")
    client.force_login(ben.user)

    response = client.post(SETTINGS, {"name": name, "wants_digest": "on"})

    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    ben.refresh_from_db()
    assert (ben.name, ben.name_key, ben.wants_digest) == ("Ben Okafor", "ben okafor", False)


@pytest.mark.django_db
def test_an_applicants_name_is_taken_too(client):
    waiting = member(MemberStatus.APPLIED, name="Rosa Calder")
    client.force_login(ConsultantFactory())

    response = client.post(HOME, {"name": "ROSA CALDER", "note": ""})

    assert response.status_code == 400
    assert list(Member.objects.values_list("pk", flat=True)) == [waiting.pk]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kept"), [("Ana Reyes", "Ana Reyes"), ("ANA  reyes", "ANA reyes")]
)
def test_a_member_keeps_their_own_name_or_changes_only_how_it_is_written(client, ana, name, kept):
    client.force_login(ana.user)

    response = client.post(SETTINGS, {"name": name, "wants_digest": "on"})

    assert response.status_code == 302
    ana.refresh_from_db()
    assert (ana.name, ana.name_key, ana.wants_digest) == (kept, "ana reyes", True)


@pytest.mark.django_db
def test_a_new_name_is_stored_with_its_key_and_frees_the_old_one(client, ana):
    client.force_login(ana.user)
    assert client.post(SETTINGS, {"name": "\uff21na Moss"}).status_code == 302
    ana.refresh_from_db()
    assert (ana.name, ana.name_key) == ("\uff21na Moss", "ana moss")

    newcomer = ConsultantFactory()
    applied = services.apply(actor=newcomer, name="Ana Reyes")

    assert (applied.name, applied.name_key) == ("Ana Reyes", "ana reyes")


@pytest.mark.django_db
def test_the_name_of_someone_who_left_can_be_taken(ana):
    services.leave(actor=ana.user, erase=False)

    applied = services.apply(actor=ConsultantFactory(), name="ana reyes")

    assert applied.name_key == "ana reyes"


@pytest.mark.django_db
@pytest.mark.parametrize("name", RESERVED)
def test_the_names_shown_for_posts_without_one_are_refused_with_the_same_answer(client, name):
    ada = member(name="Ada")
    client.force_login(ada.user)
    settings_response = client.post(SETTINGS, {"name": name})
    applicant = ConsultantFactory()
    client.force_login(applicant)
    join_response = client.post(HOME, {"name": name, "note": ""})

    for response in (settings_response, join_response):
        assert response.status_code == 400
        assert REFUSED in response.content.decode()
    assert Member.objects.get(user=ada.user).name == "Ada"
    assert not Member.objects.filter(user=applicant).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "es"])
def test_a_reserved_name_and_a_taken_name_get_one_answer(ana, language):
    with translation.override(language):
        with pytest.raises(Refused) as reserved:
            services.apply(actor=ConsultantFactory(), name="A member of this circle")
        with pytest.raises(Refused) as taken:
            services.apply(actor=ConsultantFactory(), name="ana reyes")
        with pytest.raises(Refused) as renamed:
            forum.member_settings_update(
                actor=member(name="Ben").user, name="ANA REYES", wants_digest=False
            )

    answers = {str(reserved.value), str(taken.value), str(renamed.value)}
    assert answers == {
        {
            "en": REFUSED,
            "es": "Este nombre no se puede usar en el círculo. Por favor, elija otro.",
        }[language]
    }


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["\u200b", "\u200b\u2060 \ufeff"])
def test_a_name_of_invisible_characters_only_is_no_name(client, name):
    applicant = ConsultantFactory()
    client.force_login(applicant)

    response = client.post(HOME, {"name": name, "note": ""})

    assert response.status_code == 400
    assert "Give the name other members will see." in response.content.decode()
    assert not Member.objects.exists()


@pytest.mark.django_db
def test_a_name_taken_between_the_check_and_the_write_is_refused_and_nothing_kept(ana):
    """What a race leaves the second request: the database's constraint, in a savepoint."""
    late = ConsultantFactory()
    with transaction.atomic():
        with (
            pytest.raises(Refused, match=REFUSED),
            forum.taking_name(user=late, name="ana  REYES"),
        ):
            Member.objects.create(user=late, name="ana  REYES", name_key="ana reyes")
        # The savepoint went back; the request's own transaction goes on.
        assert list(Member.objects.values_list("user", flat=True)) == [ana.user_id]


@pytest.mark.django_db
def test_another_conflict_in_the_same_write_is_not_passed_off_as_a_taken_name(ana):
    with pytest.raises(IntegrityError), forum.taking_name(user=ana.user, name="Someone Else"):
        Member.objects.create(user=ana.user, name="Someone Else", name_key="someone else")


def _migrate(targets) -> MigrationExecutor:
    """Migrate to `targets` (None: the latest); a fresh executor sees what is applied."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


# Migrating back and forth cannot run inside the test's transaction.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_gives_members_who_shared_a_name_distinct_ones():
    _migrate(BEFORE)
    try:
        old = _migrate(BEFORE).loader.project_state(BEFORE).apps.get_model("circle", "Member")
        start = timezone.now()

        def row(name, minutes):
            made = old.objects.create(user_id=ConsultantFactory().pk, name=name)
            old.objects.filter(pk=made.pk).update(applied_at=start + timedelta(minutes=minutes))
            return made.pk

        first = row("Ana Reyes", 0)
        third = row("ANA  REYES", 2)
        second = row("\uff21na Reyes", 1)  # joined before the one made before it
        reserved = row("A member of this circle", 3)
        invisible = row("\u200b", 4)
        rosa, rosa_again = row("Rosa", 5), row("rosa", 5)  # at once: the lower id keeps it
        ben = row("Ben", 6)

        _migrate(None)

        assert dict(Member.objects.values_list("pk", "name")) == {
            first: "Ana Reyes",
            second: "\uff21na Reyes 2",
            third: "ANA  REYES 3",
            reserved: f"Member {reserved}",
            invisible: f"Member {invisible}",
            rosa: "Rosa",
            rosa_again: "rosa 2",
            ben: "Ben",
        }
        assert {m.name_key for m in Member.objects.all()} == {
            "ana reyes",
            "ana reyes 2",
            "ana reyes 3",
            f"member {reserved}",
            f"member {invisible}",
            "rosa",
            "rosa 2",
            "ben",
        }
        with pytest.raises(IntegrityError), transaction.atomic():
            Member.objects.create(user=ConsultantFactory(), name="BEN", name_key="ben")

        _migrate(BEFORE)  # back: the key and its constraint go, the rows stay
        assert old.objects.count() == 8
    finally:
        _migrate(None)


# The races need PostgreSQL (SQLite would queue them) and real transactions: each racer
# runs on a thread with its own connection.
RACE = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _waiting_on_a_lock() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def _take(way: str, user, name: str):
    if way == "join":
        return services.apply(actor=user, name=name)
    return forum.member_settings_update(actor=user, name=name, wants_digest=False)


@RACE
@pytest.mark.parametrize("way", ["join", "settings"])
def test_a_name_taken_while_another_takes_it_is_refused_by_the_database(postgres, way):
    """The second write waits on the first one's row in the unique index, then meets the
    constraint: it is answered like any taken name and writes nothing."""
    people = (
        [ConsultantFactory(), ConsultantFactory()]
        if way == "join"
        else [member(name="Ada").user, member(name="Ben").user]
    )
    holding, release = threading.Event(), threading.Event()
    outcome = {}

    def first():
        try:
            with transaction.atomic():
                _take(way, people[0], "Rosa Calder")
                holding.set()
                release.wait(30)
        finally:
            connections.close_all()

    def second():
        try:
            holding.wait(30)
            _take(way, people[1], "ROSA  calder")
        except Refused as refused:
            outcome["second"] = str(refused)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    try:
        deadline = time.monotonic() + 30
        while not _waiting_on_a_lock():
            assert time.monotonic() < deadline, "the second write never reached the index"
            time.sleep(0.05)
    finally:
        release.set()
        for thread in threads:
            thread.join(timeout=60)

    assert outcome == {"second": REFUSED}
    assert list(Member.objects.filter(name_key="rosa calder").values_list("user", "name")) == [
        (people[0].pk, "Rosa Calder")
    ]
    if way == "join":
        assert not Member.objects.filter(user=people[1]).exists()
    else:
        assert Member.objects.get(user=people[1]).name == "Ben"


@RACE
@pytest.mark.parametrize("way", ["join", "settings"])
def test_many_people_taking_one_name_at_once_one_gets_it_and_nobody_a_500(postgres, way):
    racers = 4
    if way == "join":
        people = [ConsultantFactory() for _ in range(racers)]
        url, data = HOME, {"name": "Noor Haddad", "note": ""}
    else:
        people = [member(name=f"Racer {i}").user for i in range(racers)]
        url, data = SETTINGS, {"name": "Noor Haddad"}
    clients = [signed_in(person, 1)[0] for person in people]

    responses = race(clients, lambda client, _i: client.post(url, data))

    assert sorted(response.status_code for response in responses) == [302] + [400] * (racers - 1)
    for response in responses:
        if response.status_code == 400:
            assert REFUSED in response.content.decode()
    assert Member.objects.filter(name_key=name_key("Noor Haddad")).count() == 1
    if way == "join":
        assert Member.objects.count() == 1


MIXED = "Write a name in one alphabet."


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("taken", "name", "answer"),
    [
        ("Lina Okafor", "L\u0456na Okafor", MIXED),  # a Cyrillic i
        ("Lina Okafor", "Lina Okafor.", REFUSED),
        ("Lina Okafor", "Lina-Okafor", REFUSED),
        ("Ana Reyes", "\u0410\u043d\u0430 Reyes", MIXED),  # Cyrillic A, n, a
        ("Kaye Cole", "\u041a\u0430\u0443\u0435 \u0421\u043e\u04cf\u0435", REFUSED),  # all Cyrillic
        (None, "A m\u0435mber of this circle", MIXED),  # a Cyrillic e
        (None, "A member of this circle.", REFUSED),
        (None, "A member of this circle (Marisol Vega, shown to moderators only)", REFUSED),
        (None, "A former m\u0435mber", MIXED),
        (None, "Un miembro de este círculo, moderadora", REFUSED),
    ],
)
def test_a_name_that_looks_like_a_members_or_the_anonymous_label_is_refused(
    client, taken, name, answer
):
    if taken:
        member(name=taken)
    ben = member(name="Ben Okafor")
    client.force_login(ben.user)

    response = client.post(SETTINGS, {"name": name})

    assert response.status_code == 400
    assert answer in response.content.decode()
    ben.refresh_from_db()
    assert ben.name == "Ben Okafor"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    [
        "Ana Reyes",
        "Zoë Ødegaard",
        "Ünal Şahin",
        "山田 太郎",
        "Yamada 山田",
        "محمد علي",
        "Ана Рейес",
    ],
)
def test_names_in_one_alphabet_or_written_together_are_taken(client, name):
    ben = member(name="Ben Okafor")
    client.force_login(ben.user)

    response = client.post(SETTINGS, {"name": name})

    assert response.status_code == 302
    ben.refresh_from_db()
    assert ben.name == name

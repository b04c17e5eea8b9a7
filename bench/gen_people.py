"""Consultants as sign-up and publishing leave them, written in bulk.

What accounts.services.user_register and portfolio.services write for one consultant:
the user with a verified address, a workspace (a media collection under the root, a
personal group allowed into the admin and that collection), membership of the network
group, a profile under the speakers' index with the consultant's page permissions, and,
once published, the effective audience with Wagtail view restrictions on every page that
is not public (portfolio.services.visibility_sync). Then posts and videos under the
profile, each published. Consultant number n is "Speaker 0000n", e-mail
speaker0000n@bench.example: a rerun counts those and adds only the missing ones.
"""

import random
import uuid
from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageViewRestriction,
)
from wagtail.utils.file import hash_filelike

from accounts.enums import EDITOR_GROUPS, Role
from accounts.models import User
from bench import gen_accounts, gen_search, gen_tree, pictures
from core.media.images import scrubbed_file
from core.media.models import PodiumImage, private_storage
from portfolio.enums import NETWORK_GROUP, Audience, Availability, EngagementType, narrowest
from portfolio.models import (
    BlogPostPage,
    Language,
    RateCardEntry,
    SpeakerIndexPage,
    SpeakerProfilePage,
    Testimonial,
    Topic,
    VideoPage,
)
from portfolio.services import DRAFTING_PERMISSIONS, PUBLISHING_PERMISSIONS

DOMAIN = "bench.example"
COUNTRIES = ["KE", "CA", "PE", "IN", "ES", "NG", "MX", "PH", "US", "GB", "BR", "TH"]
TOPIC_NAMES = [f"Bench topic {n:02d}" for n in range(30)]
# Of every twenty profiles, 12 public, 5 for the network, 3 private, spread out so that a
# small run has all three; one in fifty is paused.
PUBLIC, NETWORK, PRIVATE = Audience.PUBLIC, Audience.NETWORK, Audience.PRIVATE
# P public, N network, X private, in this order.
PROFILE_AUDIENCES = [{"P": PUBLIC, "N": NETWORK, "X": PRIVATE}[c] for c in "PPNPXPNPPNPPXPNPPNPX"]
CHILD_AUDIENCES = [Audience.PUBLIC] * 16 + [Audience.NETWORK] * 3 + [Audience.PRIVATE]
WORDS = [
    "survivor",
    "informed",
    "practice",
    "fair",
    "pay",
    "training",
    "outreach",
    "policy",
    "housing",
    "labour",
    "safety",
    "consent",
    "advocacy",
    "partnership",
    "community",
    "recovery",
    "listening",
    "evidence",
    "design",
    "care",
]


def email(n: int) -> str:
    return f"speaker{n:05d}@{DOMAIN}"


def topics() -> list[Topic]:
    for name in TOPIC_NAMES:
        Topic.objects.get_or_create(name=name, defaults={"slug": name.lower().replace(" ", "-")})
    return list(Topic.objects.filter(name__in=TOPIC_NAMES).order_by("name"))


def missing(count: int) -> list[int]:
    existing = set(
        User.objects.filter(email__endswith=f"@{DOMAIN}", role=Role.CONSULTANT).values_list(
            "email", flat=True
        )
    )
    return [n for n in range(count) if email(n) not in existing]


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(WORDS, k=words)).capitalize() + "."


@transaction.atomic
def consultants(numbers: list[int], *, posts_each: int, video_every: int, photo_every: int):
    """Create consultants `numbers` with everything that is theirs; return pages made."""
    if not numbers:
        return 0
    now = timezone.now()
    all_topics = topics()
    languages = list(Language.objects.order_by("code")) or [
        Language.objects.create(code="en", name="English")
    ]
    users = gen_accounts.users([email(n) for n in numbers])
    workspaces = gen_accounts.workspaces(users)
    photos = _photos(numbers, users, workspaces, photo_every)
    profiles = _profiles(numbers, users, photos, all_topics, languages, now)
    children = _children(numbers, profiles, posts_each, video_every, now)
    _permissions(profiles, workspaces)
    _restrictions(profiles, children, workspaces)
    return len(profiles) + sum(len(pages) for pages in children.values())


def _profiles(numbers, users, photos, all_topics, languages, now) -> list[gen_tree.NewPage]:
    index = SpeakerIndexPage.objects.get()
    paths = gen_tree.next_positions(index, len(numbers))
    profiles = []
    for n, user, path in zip(numbers, users, paths, strict=True):
        rng = random.Random(n)
        mine = rng.sample(all_topics, 3)
        audience = PROFILE_AUDIENCES[n % len(PROFILE_AUDIENCES)]
        paused_at = now if n % 50 == 7 else None
        values = {
            "title": f"Speaker {n:05d}",
            "slug": f"speaker-{n:05d}",
            "consultant_id": user.pk,
            "headline": f"Trainer and adviser on {mine[0].name.lower()}",
            "bio": f"<p>{_text(rng, 60)}</p><p>{_text(rng, 40)}</p>",
            "lived_experience": f"<p>{_text(rng, 30)}</p>" if n % 2 else "",
            "lived_experience_audience": Audience.NETWORK,
            "country": COUNTRIES[n % len(COUNTRIES)],
            "travel": ["none", "in_country", "international"][n % 3],
            "virtual": n % 5 != 4,
            "years_of_experience": 2 + n % 20,
            "rates_audience": Audience.PUBLIC if n % 2 else Audience.NETWORK,
            "availability": [Availability.OPEN, Availability.OPEN, Availability.LIMITED][n % 3],
            "allow_search_engines": n % 3 != 2,
            "audience": audience,
            "paused_at": paused_at,
            "photo_id": photos[n].pk if n in photos else None,
            "visibility": narrowest(audience, Audience.PRIVATE if paused_at else Audience.PUBLIC),
        }
        gen_tree.place(values, index, path, owner_id=user.pk, when=now)
        kinds = rng.sample(list(EngagementType.values), 1 + n % 3)
        related = {
            "topics": mine,
            "languages": rng.sample(languages, min(len(languages), 1 + n % 2)),
            "rates": [
                RateCardEntry(
                    engagement_type=kind,
                    minimum_fee=Decimal(rng.randrange(200, 3000, 50)),
                    currency="USD",
                    unit="event",
                    sort_order=i,
                )
                for i, kind in enumerate(kinds)
            ],
        }
        profiles.append(gen_tree.NewPage(values, related))
    _number_rates(profiles)
    gen_tree.insert(SpeakerProfilePage, profiles, when=now)
    gen_tree.recount(index)
    _profile_rows(profiles)
    return profiles


def _number_rates(profiles) -> None:
    """Rate cards with their ids before the profile's revision records them, as the
    editor saves them before a revision is taken (PostgreSQL only: elsewhere the ids
    come from the inserts, after)."""
    if connection.vendor != "postgresql":
        return
    rates = [rate for profile in profiles for rate in profile.related["rates"]]
    for rate, pk in zip(rates, gen_tree.reserve_ids(RateCardEntry, len(rates)), strict=True):
        rate.pk = pk


def _profile_rows(profiles):
    gen_tree.write(
        SpeakerProfilePage.topics.through,
        [
            {"speakerprofilepage_id": p.values["id"], "topic_id": t.pk}
            for p in profiles
            for t in p.related["topics"]
        ],
    )
    gen_tree.write(
        SpeakerProfilePage.languages.through,
        [
            {"speakerprofilepage_id": p.values["id"], "language_id": lang.pk}
            for p in profiles
            for lang in p.related["languages"]
        ],
    )
    rates = []
    for profile in profiles:
        for rate in profile.related["rates"]:
            rate.profile_id = profile.values["id"]
            rates.append(rate)
    RateCardEntry.objects.bulk_create(rates, batch_size=gen_tree.BATCH)
    gen_tree.write(
        Testimonial,
        [
            {
                "profile_id": p.values["id"],
                "text": "Clear, practical and generous with the room.",
                "author_name": f"Organizer {p.values['id']}",
                "author_role": "Bench organization",
                "approved_at": p.values["first_published_at"],
            }
            for p in profiles[::4]
        ],
    )


def _block(kind: str, value) -> dict:
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _children(numbers, profiles, posts_each, video_every, now):
    """Posts (and every video_every-th consultant a video) under each profile."""
    posts, videos, children = [], [], {}
    for n, profile in zip(numbers, profiles, strict=True):
        rng = random.Random(-n - 1)
        kinds = [BlogPostPage] * posts_each + ([VideoPage] if n % video_every == 0 else [])
        mine = []
        for k, kind in enumerate(kinds):
            audience = CHILD_AUDIENCES[(n + k) % len(CHILD_AUDIENCES)]
            values = {
                "consultant_id": profile.values["consultant_id"],
                "audience": audience,
                "visibility": narrowest(audience, profile.values["visibility"]),
                "summary": _text(rng, 18),
            }
            if kind is BlogPostPage:
                values.update(
                    title=f"Field notes {k + 1} from {profile.values['title']}",
                    slug=f"field-notes-{k + 1}",
                    # Stored as the editor stores it, each block with its id, so that
                    # the page row and its revision hold the same ids.
                    body=[
                        _block("paragraph", f"<p>{_text(rng, 80)}</p>"),
                        _block("heading", {"text": "What changed", "level": "h2"}),
                        _block("paragraph", f"<p>{_text(rng, 80)}</p>"),
                    ],
                )
            else:
                values.update(
                    title=f"Talk by {profile.values['title']}",
                    slug="talk",
                    video_url=f"https://www.youtube.com/watch?v=bench{n:06d}",
                    transcript=_text(rng, 120),
                )
            path = Page._get_path(profile.values["path"], profile.values["depth"] + 1, k + 1)
            gen_tree.place(
                values, profile.values, path, owner_id=profile.values["consultant_id"], when=now
            )
            page = gen_tree.NewPage(values, {"topics": profile.related["topics"][: 1 + k % 2]})
            (posts if kind is BlogPostPage else videos).append(page)
            mine.append(page)
        children[profile.values["id"]] = mine
    # The profiles were written with no children yet.
    for count in {len(pages) for pages in children.values()}:
        ids = [pk for pk, pages in children.items() if len(pages) == count]
        SpeakerProfilePage.objects.filter(pk__in=ids).update(numchild=count)
    for model, pages in ((BlogPostPage, posts), (VideoPage, videos)):
        gen_tree.insert(model, pages, when=now)
        link = model.topics.through
        field = f"{model._meta.model_name}_id"
        gen_tree.write(
            link,
            [
                {field: page.values["id"], "topic_id": t.pk}
                for page in pages
                for t in page.related["topics"]
            ],
        )
    return children


def _photos(numbers, users, workspaces, photo_every) -> dict[int, PodiumImage]:
    """A portrait for every photo_every-th consultant, scrubbed as every upload is and
    stored in their collection (what core.media.services.image_create writes, in bulk)."""
    storage = private_storage()
    images = {}
    for n, user, workspace in zip(numbers, users, workspaces, strict=True):
        if n % photo_every:
            continue
        clean = scrubbed_file(ContentFile(pictures.portrait(n), name="portrait.jpg"))
        image = PodiumImage(
            title=f"Speaker {n:05d}",
            collection_id=workspace.collection_id,
            uploaded_by_user_id=user.pk,
        )
        image.file_size = clean.size
        image.file_hash = hash_filelike(clean)
        clean.seek(0)
        image.file = storage.save(image.get_upload_to(clean.name), clean)
        image.width, image.height = pictures.SIZE, pictures.SIZE
        images[n] = image
    PodiumImage.objects.bulk_create(images.values())
    gen_search.index(PodiumImage, list(images.values()))
    return images


def _permissions(profiles, workspaces):
    """The consultant's page permissions once past the first review."""
    codenames = (*DRAFTING_PERMISSIONS, *PUBLISHING_PERMISSIONS)
    permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=codenames
        ).values_list("pk", flat=True)
    )
    gen_tree.write(
        GroupPagePermission,
        [
            {"group_id": w.group_id, "page_id": p.values["id"], "permission_id": permission}
            for p, w in zip(profiles, workspaces, strict=True)
            for permission in permissions
        ],
    )


def _restrictions(profiles, children, workspaces):
    """View restrictions as portfolio.services.visibility_sync writes them."""
    editors = list(Group.objects.filter(name__in=EDITOR_GROUPS).values_list("pk", flat=True))
    network = Group.objects.get(name=NETWORK_GROUP).pk
    restricted = []
    for profile, workspace in zip(profiles, workspaces, strict=True):
        for page in (profile, *children[profile.values["id"]]):
            if page.values["visibility"] == Audience.PUBLIC:
                continue
            groups = [*editors, workspace.group_id]
            if page.values["visibility"] == Audience.NETWORK:
                groups.append(network)
            restricted.append((page.values["id"], groups))
    made = gen_tree.write_returning_ids(
        PageViewRestriction,
        [{"page_id": pk, "restriction_type": PageViewRestriction.GROUPS} for pk, _ in restricted],
    )
    gen_tree.write(
        PageViewRestriction.groups.through,
        [
            {"pageviewrestriction_id": restriction, "group_id": group}
            for restriction, (_, groups) in zip(made, restricted, strict=True)
            for group in groups
        ],
    )

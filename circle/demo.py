"""Fictional demo content for the circle: members, two circles with threads, a mentoring
pair and a referral waiting for the organization. Every name and story is invented.

Written through the circle's own services, so the demo obeys the same rules as people do
(vouches, permissions, blocks). Runs after the portfolio and networking demos, whose
consultants, organization and bookings it uses; loading twice adds nothing.
"""

from accounts.models import User
from circle.enums import CircleKind, MentoringTopic
from circle.models import Circle, Member
from circle.services import forum, membership, mentoring, referrals
from networking.enums import BookingState
from networking.models import Booking

EDITOR = "editor@example.org"
# (e-mail, name shown to members). The first two are let in by the editor, the next by
# their vouches; the last is still waiting, with one vouch.
MEMBERS = [
    ("consultant@example.org", "Lina Okafor"),
    ("speaker01@example.org", "Marisol Vega"),
    ("speaker02@example.org", "Dara Kim"),
    ("speaker05@example.org", "Priya Raman"),
    ("speaker06@example.org", "Ana Lucía Méndez"),
]
APPLICANT = ("speaker04@example.org", "Tomás Ruiz")

CIRCLES = [
    (
        "new-to-speaking",
        "New to speaking",
        "For anyone in their first year of paid speaking: first invitations, nerves, "
        "what to ask before saying yes.",
        CircleKind.TOPIC,
    ),
    (
        "pricing-and-contracts",
        "Pricing and contracts",
        "Fees, travel terms, cancellation clauses and how to say no to 'exposure'.",
        CircleKind.TOPIC,
    ),
    (
        "spanish-speaking-leaders",
        "Líderes de habla hispana",
        "Un espacio en español para compartir trabajo, tarifas y apoyo.",
        CircleKind.REGION,
    ),
]

# (circle slug, author, title, opening post, content note, as a member, replies)
THREADS = [
    (
        "new-to-speaking",
        "speaker02@example.org",
        "How do you prepare the week before a keynote?",
        "My first keynote is in three weeks. I know my material, but I am not sure how "
        "to pace the week before. What do you each do?",
        "",
        False,
        [
            (
                "consultant@example.org",
                "I block the day before and the day after. No calls, no e-mail. And I ask "
                "the organizer for the room plan so nothing surprises me on the day.",
                "",
                False,
            ),
            (
                "speaker01@example.org",
                "Practise the first two minutes out loud every day. The rest follows.",
                "",
                False,
            ),
        ],
    ),
    (
        "new-to-speaking",
        "speaker05@example.org",
        "When a question from the audience goes too far",
        "At a panel last month someone asked for details I never share. I froze. "
        "How do you answer without going there?",
        "a question about personal history at an event",
        True,
        [
            (
                "consultant@example.org",
                "I say: 'That is not part of what I share in public; here is what I can "
                "tell you about the system.' Then I move on. Moderators can help: ask them "
                "beforehand to step in.",
                "",
                False,
            ),
        ],
    ),
    (
        "pricing-and-contracts",
        "speaker01@example.org",
        "A cancellation clause that worked for me",
        "After two late cancellations I now ask for half the fee if an event is "
        "cancelled within 30 days. Every organization so far has agreed. Template "
        "wording I use is on the fair-pay guide: https://example.org/fair-pay",
        "",
        False,
        [
            (
                "speaker06@example.org",
                "Thank you, I will add this to my next agreement.",
                "",
                False,
            ),
        ],
    ),
]


def load() -> None:
    if Circle.objects.exists():
        return  # already loaded
    editor = User.objects.get(email=EDITOR)
    users = {email: User.objects.get(email=email) for email, _name in MEMBERS}
    _members(editor, users)
    circles = _circles(users)
    for row in THREADS:
        _thread(circles, users, *row)
    _mentoring(users)
    _referral(users)


def _members(editor, users) -> None:
    for index, (email, name) in enumerate(MEMBERS):
        member = membership.apply(actor=users[email], name=name)
        if index < 2:
            membership.admit(actor=editor, member=member)
        else:
            first, second = users[MEMBERS[0][0]], users[MEMBERS[1][0]]
            membership.vouch(actor=first, candidate=member)
            membership.vouch(actor=second, candidate=member)
    lina = Member.objects.get(user=users[MEMBERS[0][0]])
    membership.appoint_moderator(actor=editor, member=lina)
    applicant = User.objects.get(email=APPLICANT[0])
    waiting = membership.apply(
        actor=applicant, name=APPLICANT[1], note="I have spoken at two trainings this year."
    )
    membership.vouch(actor=users[MEMBERS[2][0]], candidate=waiting)


def _circles(users) -> dict[str, Circle]:
    circles = {}
    for position, (slug, name, description, kind) in enumerate(CIRCLES):
        circles[slug] = Circle.objects.create(
            slug=slug, name=name, description=description, kind=kind, position=position
        )
    for user in users.values():
        for circle in list(circles.values())[:2]:
            forum.circle_join(actor=user, circle=circle)
    for email in ("speaker01@example.org", "speaker06@example.org"):
        forum.circle_join(actor=users[email], circle=circles["spanish-speaking-leaders"])
    return circles


def _thread(circles, users, slug, author, title, body, note, as_member, replies) -> None:
    thread = forum.thread_start(
        actor=users[author],
        circle=circles[slug],
        title=title,
        body=body,
        content_note=note,
        as_member=as_member,
    )
    for reply_author, reply_body, reply_note, reply_as_member in replies:
        forum.post_reply(
            actor=users[reply_author],
            thread=thread,
            body=reply_body,
            content_note=reply_note,
            as_member=reply_as_member,
        )


def _mentoring(users) -> None:
    """Marisol mentors Dara on pricing; Lina offers speaking, Priya asks for it."""
    offers = {
        "speaker01@example.org": [MentoringTopic.PRICING, MentoringTopic.CONTRACTS],
        "consultant@example.org": [MentoringTopic.SPEAKING, MentoringTopic.SELF_CARE],
    }
    asks = {
        "speaker02@example.org": [MentoringTopic.PRICING],
        "speaker05@example.org": [MentoringTopic.SPEAKING],
    }
    for email in set(offers) | set(asks):
        mentoring.mentoring_interests_set(
            actor=users[email], offers=offers.get(email, []), asks=asks.get(email, [])
        )
    marisol = Member.objects.get(user=users["speaker01@example.org"])
    dara = users["speaker02@example.org"]
    pairing = mentoring.mentorship_request(
        actor=dara,
        mentor=marisol,
        topic=MentoringTopic.PRICING,
        message="I undercharged for my last two workshops. Could we talk about rates?",
    )
    pairing = mentoring.mentorship_answer(actor=marisol.user, mentorship=pairing, accept=True)
    mentoring.mentoring_message_send(
        actor=marisol.user,
        mentorship=pairing,
        body="Happy to. Send me the last two offers you received and we will go through "
        "them line by line.",
    )
    mentoring.mentoring_message_send(
        actor=dara, mentorship=pairing, body="Thank you. I will send them this week."
    )


def _referral(users) -> None:
    """Lina declined an evening talk and suggested Marisol, who said yes: the
    organization now sees the suggestion on its booking page and can choose."""
    lina = users["consultant@example.org"]
    booking = Booking.objects.filter(
        consultant=lina, state=BookingState.DECLINED, title="Evening talk for volunteers"
    ).first()
    if booking is None:
        return
    marisol = Member.objects.get(user=users["speaker01@example.org"])
    referral = referrals.referral_create(
        actor=lina,
        booking=booking,
        referred=marisol,
        note="Marisol gives a warm, practical talk for volunteers.",
    )
    referrals.referral_answer(actor=marisol.user, referral=referral, accept=True)

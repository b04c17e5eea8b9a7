"""Demo resources. The national hotlines are real public services, shown as they are;
every local entry is fictional, with example.org addresses and 555 numbers."""

from circle.selectors.membership import CODE_OF_CONDUCT_SLUG, GRIEVANCE_SLUG
from cms.models import FeaturedItem, HomePage, Resource, StandardPage
from portfolio.models import BlogPostPage, SpeakerProfilePage
from portfolio.services import featuring_consent_set

RESOURCES = [
    # (name, category, region, phone, (number to text, word to text), website, hours,
    #  description, order)
    (
        "U.S. National Human Trafficking Hotline",
        "hotline",
        "",
        "1-888-373-7888",
        ("233733", ""),
        "https://humantraffickinghotline.org",
        "24 hours, every day",
        "Confidential help and referrals in more than 200 languages.",
        1,
    ),
    (
        "988 Suicide & Crisis Lifeline",
        "hotline",
        "",
        "988",
        ("988", ""),
        "https://988lifeline.org",
        "24 hours, every day",
        "Call or text when things feel like too much.",
        2,
    ),
    (
        "National Domestic Violence Hotline",
        "hotline",
        "",
        "1-800-799-7233",
        ("88788", "START"),
        "https://www.thehotline.org",
        "24 hours, every day",
        "Support and safety planning for anyone experiencing abuse.",
        3,
    ),
    (
        "Harbor Legal Clinic (fictional)",
        "legal",
        "Pacific Northwest",
        "555-0134",
        ("", ""),
        "https://legal.example.org",
        "Mon-Fri 9:00-17:00",
        "Free help with T visas, vacating convictions and employment claims.",
        10,
    ),
    (
        "Open Door Housing (fictional)",
        "housing",
        "Great Lakes",
        "555-0178",
        ("", ""),
        "https://housing.example.org",
        "Intake Mon-Sat",
        "Emergency and transitional housing for adults and families.",
        20,
    ),
    (
        "Quiet Harbor Counselling (fictional)",
        "counselling",
        "Pacific Northwest",
        "555-0190",
        ("", ""),
        "https://counselling.example.org",
        "Evening sessions available",
        "Trauma-informed counselling, sliding-scale fees, interpreters on request.",
        30,
    ),
    (
        "Next Step Skills (fictional)",
        "jobs",
        "Great Lakes",
        "555-0112",
        ("", ""),
        "https://skills.example.org",
        "Courses start monthly",
        "Paid job training in facilitation, bookkeeping and digital skills.",
        40,
    ),
]


# The Spanish of each entry's name, hours and description, by its English name. The
# national services' Spanish names are the ones they use themselves.
SPANISH = {
    "U.S. National Human Trafficking Hotline": (
        "Línea Nacional contra la Trata de Personas de EE. UU.",
        "24 horas, todos los días",
        "Ayuda confidencial y derivaciones en más de 200 idiomas.",
    ),
    "988 Suicide & Crisis Lifeline": (
        "988 Línea de Prevención del Suicidio y Crisis",
        "24 horas, todos los días",
        "Llame o envíe un mensaje cuando todo le parezca demasiado.",
    ),
    "National Domestic Violence Hotline": (
        "Línea Nacional sobre la Violencia Doméstica",
        "24 horas, todos los días",
        "Apoyo y planes de seguridad para cualquier persona que sufra maltrato.",
    ),
    "Harbor Legal Clinic (fictional)": (
        "Clínica Jurídica Harbor (ficticia)",
        "Lun-vie 9:00-17:00",
        "Ayuda gratuita con visas T, anulación de condenas y reclamaciones laborales.",
    ),
    "Open Door Housing (fictional)": (
        "Vivienda Puerta Abierta (ficticia)",
        "Admisión de lunes a sábado",
        "Vivienda de emergencia y de transición para personas adultas y familias.",
    ),
    "Quiet Harbor Counselling (fictional)": (
        "Orientación Psicológica Quiet Harbor (ficticia)",
        "Sesiones por la tarde disponibles",
        "Orientación informada sobre el trauma, tarifas según ingresos e intérpretes a petición.",
    ),
    "Next Step Skills (fictional)": (
        "Capacitación Next Step (ficticia)",
        "Los cursos empiezan cada mes",
        "Formación laboral remunerada en facilitación, contabilidad y competencias digitales.",
    ),
}


REGIONS_ES = {"Pacific Northwest": "Noroeste del Pacífico", "Great Lakes": "Grandes Lagos"}


def load() -> None:
    for name, category, region, phone, text, website, hours, description, order in RESOURCES:
        name_es, hours_es, description_es = SPANISH.get(name, ("", "", ""))
        Resource.objects.update_or_create(
            name=name,
            defaults={
                "name_es": name_es,
                "region_es": REGIONS_ES.get(region, ""),
                "hours_es": hours_es,
                "description_es": description_es,
                "category": category,
                "region": region,
                "phone": phone,
                "text_line": text[0],
                "text_keyword": text[1],
                "website": website,
                "hours": hours,
                "description": description,
                "sort_order": order,
            },
        )


def feature_on_home() -> None:
    """Three public demo speakers agree to be featured; their profiles and a post are."""
    home = HomePage.objects.first()
    if home is None or home.featured_items.exists():
        return
    profiles = SpeakerProfilePage.objects.live().filter(visibility="public").order_by("pk")[:3]
    pages = []
    for profile in profiles:
        featuring_consent_set(profile=profile, consent=True)
        pages.append(profile)
        post = BlogPostPage.objects.child_of(profile).live().filter(visibility="public").first()
        if post is not None:
            pages.append(post)
    for order, page in enumerate(pages):
        FeaturedItem.objects.create(home=home, page=page, sort_order=order)


def _paragraphs(*texts) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def _items(*items) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


# The circle's code of conduct and grievance procedure: fictional first versions that the
# circle's council and the editors rewrite in the admin.
CIRCLE_GUIDES = [
    (
        CODE_OF_CONDUCT_SLUG,
        "The circle's code of conduct",
        "El código de conducta del círculo",
        "The circle is a private peer space for survivor-leaders. Every member agrees to "
        "these rules when they join; the peer moderators apply them.",
        [
            ("heading", {"text": "Each person's story is theirs", "level": "h2"}),
            (
                "paragraph",
                _items(
                    "Share only what you choose, at your own pace. Nobody owes the circle "
                    "their story.",
                    "Never repeat, copy or screenshot what another member wrote outside the "
                    "circle, and never name a member to anyone outside it.",
                    "Use the content note when you write about violence, exploitation, "
                    "self-harm or other hard experiences, so that readers can choose.",
                ),
            ),
            ("heading", {"text": "Support, not pressure", "level": "h2"}),
            (
                "paragraph",
                _items(
                    "Offer advice on speaking, pricing and contracts; do not tell anyone "
                    "what they must do with their life, health, faith or family.",
                    "No selling, recruiting, fundraising or collecting personal details.",
                    "Mentoring and referrals are offers. A no is always an acceptable "
                    "answer, and never counts against anyone.",
                ),
            ),
            ("heading", {"text": "When something goes wrong", "level": "h2"}),
            (
                "paragraph",
                _paragraphs(
                    "Report a post or a member from the circle. The peer moderators, "
                    "members chosen by Podium's editors, read every report. They may hide "
                    "a post, send a member a note, suspend a member, or pass the report to "
                    "the editors. Every step is written in the council's log.",
                    "Nobody is told who reported. You may also block a member: you will "
                    "no longer see each other anywhere in the circle.",
                ),
            ),
        ],
    ),
    (
        GRIEVANCE_SLUG,
        "The circle's grievance procedure",
        "El procedimiento de reclamación del círculo",
        "How to ask for another look at a decision of the circle's peer moderators or of "
        "Podium's editors, and what happens next.",
        [
            ("heading", {"text": "Who can ask", "level": "h2"}),
            (
                "paragraph",
                _paragraphs(
                    "Any member whose post was hidden, who received a note or who was "
                    "suspended, and any consultant whose request to join was refused. "
                    "A member who reported something may also ask if they think the "
                    "report was not handled fairly."
                ),
            ),
            ("heading", {"text": "How to ask", "level": "h2"}),
            (
                "paragraph",
                _items(
                    "Write to the editors at grievances@example.org (a fictional address: a real "
                    "site gives its own here) within 30 days of the decision.",
                    "Say which decision you contest and why, in your own words. You do "
                    "not need to give evidence you do not have.",
                    "A suspended member can still sign in, read this page and leave the "
                    "circle; nothing they wrote is shared outside it.",
                ),
            ),
            ("heading", {"text": "What happens next", "level": "h2"}),
            (
                "paragraph",
                _items(
                    "Two people review it who took no part in the decision: an editor and "
                    "a peer moderator who was not involved.",
                    "They read the council's log and the report, never more of your "
                    "private messages than the report itself.",
                    "You receive an answer within 14 days. A decision may be kept, "
                    "changed or reversed; a reversal is written in the council's log.",
                    "Asking never counts against you, and the person who reported is "
                    "never named to you.",
                ),
            ),
        ],
    ),
]


def circle_guides() -> None:
    """The circle's code of conduct and grievance procedure, as standard pages under
    the home page; an existing page is left as the editors made it."""
    home = HomePage.objects.first()
    if home is None:
        return
    for slug, title, title_es, intro, body in CIRCLE_GUIDES:
        if StandardPage.objects.filter(slug=slug).exists():
            continue
        page = StandardPage(title=title, title_es=title_es, slug=slug, intro=intro, body=body)
        home.add_child(instance=page)
        page.save_revision().publish()

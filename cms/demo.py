"""Demo resources. The national hotlines are real public services, shown as they are;
every local entry is fictional, with example.org addresses and 555 numbers."""

from cms.models import FeaturedItem, HomePage, Resource
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

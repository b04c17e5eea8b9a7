"""The demo's fictional speakers, topics and testimonials, as data (portfolio.demo loads
them). Every name is invented.

The video link points at an invalid YouTube id ("Podium-Demo"), so that the demo never
plays anybody's real video.
"""

from portfolio.enums import Audience, EngagementType

DEMO_VIDEO = "https://www.youtube.com/watch?v=Podium-Demo"

# (name, description, and their Spanish)
TOPICS = [
    (
        "Labour exploitation",
        "How forced labour hides in supply chains, and what auditors miss.",
        "Explotación laboral",
        "Cómo se esconde el trabajo forzoso en las cadenas de suministro y qué pasan por alto "
        "las auditorías.",
    ),
    (
        "Survivor-informed policy",
        "Writing laws and programmes with the people they are for.",
        "Políticas con la voz de sobrevivientes",
        "Escribir leyes y programas con las personas a quienes van dirigidos.",
    ),
    (
        "Housing and shelter",
        "Safe, stable housing as the ground of recovery.",
        "Vivienda y refugio",
        "Una vivienda segura y estable como base de la recuperación.",
    ),
    (
        "Healthcare and trauma",
        "Trauma-informed care in clinics, hospitals and helplines.",
        "Salud y trauma",
        "Atención informada sobre el trauma en clínicas, hospitales y líneas de ayuda.",
    ),
    (
        "Youth and prevention",
        "Reaching young people before recruiters do.",
        "Juventud y prevención",
        "Llegar a la gente joven antes que quienes reclutan.",
    ),
    (
        "Economic empowerment",
        "Work, pay and ownership after exploitation.",
        "Autonomía económica",
        "Trabajo, salario y patrimonio después de la explotación.",
    ),
    (
        "Law enforcement training",
        "Identifying victims without re-traumatising them.",
        "Formación policial",
        "Identificar a las víctimas sin volver a traumatizarlas.",
    ),
    (
        "Online exploitation",
        "Platforms, grooming and digital safety.",
        "Explotación en línea",
        "Plataformas, captación en línea y seguridad digital.",
    ),
]

# (e-mail, professional name, headline, topics, languages, country code, audience, search engines,
#  engagement rates)
SPEAKERS = [
    (
        "consultant@example.org",
        "Lina Okafor",
        "Trainer on survivor-informed policy",
        [1, 5],
        ["en"],
        "US",
        Audience.PUBLIC,
        True,
        [(EngagementType.KEYNOTE, 1500), (EngagementType.WORKSHOP, 650)],
    ),
    (
        "speaker01@example.org",
        "Marisol Vega",
        "Keynotes on labour exploitation in agriculture",
        [0, 5],
        ["es", "en"],
        "MX",
        Audience.PUBLIC,
        True,
        [(EngagementType.KEYNOTE, 1200), (EngagementType.PANEL, 400)],
    ),
    (
        "speaker02@example.org",
        "Dara Kim",
        "Helping clinics become trauma-informed",
        [3],
        ["en", "ko"],
        "US",
        Audience.PUBLIC,
        False,
        [(EngagementType.WORKSHOP, 800), (EngagementType.CONSULTING, 95)],
    ),
    (
        "speaker03@example.org",
        "Ifeoma Bello",
        "Prevention programmes that young people trust",
        [4, 7],
        ["en"],
        "NG",
        Audience.PUBLIC,
        False,
        [(EngagementType.WORKSHOP, 500), (EngagementType.MEDIA, 150)],
    ),
    (
        "speaker04@example.org",
        "Tomás Ruiz",
        "Advisor to housing providers",
        [2],
        ["es"],
        "ES",
        Audience.PUBLIC,
        True,
        [(EngagementType.ADVISORY, 900), (EngagementType.REVIEW, 400)],
    ),
    (
        "speaker05@example.org",
        "Priya Raman",
        "Research partner on online exploitation",
        [7],
        ["en", "hi"],
        "IN",
        Audience.PUBLIC,
        False,
        [(EngagementType.RESEARCH, 2000), (EngagementType.PANEL, 300)],
    ),
    (
        "speaker06@example.org",
        "Ana Lucía Méndez",
        "Training officers to identify victims",
        [6],
        ["es", "en"],
        "CO",
        Audience.PUBLIC,
        False,
        [(EngagementType.WORKSHOP, 700)],
    ),
    (
        "speaker07@example.org",
        "Sophie Laurent",
        "Speaker on economic empowerment",
        [5],
        ["fr", "en"],
        "FR",
        Audience.PUBLIC,
        False,
        [(EngagementType.KEYNOTE, 1000)],
    ),
    (
        "speaker08@example.org",
        "Grace Mwangi",
        "Consultant on shelter standards",
        [2, 3],
        ["en"],
        "KE",
        Audience.NETWORK,
        False,
        [(EngagementType.CONSULTING, 80), (EngagementType.REVIEW, 350)],
    ),
    (
        "speaker09@example.org",
        "Elena Petrova",
        "Curriculum reviewer, prevention education",
        [4],
        ["ru", "uk", "en"],
        "UA",
        Audience.NETWORK,
        False,
        [(EngagementType.REVIEW, 450)],
    ),
    (
        "speaker10@example.org",
        "Rosa Tran",
        "Survivor-led policy advisor",
        [1],
        ["vi", "en"],
        "US",
        Audience.PRIVATE,
        False,
        [(EngagementType.ADVISORY, 1200)],
    ),
    (
        "speaker11@example.org",
        "Noor Haddad",
        "Panels on labour migration",
        [0],
        ["ar", "en"],
        "JO",
        Audience.PUBLIC,
        False,
        [(EngagementType.PANEL, 350), (EngagementType.MEDIA, 200)],
    ),
]

# Organizations of the networking demo (verified ones lend their logos) and one that is
# only a name, as a consultant may type any organization they worked for.
ENGAGEMENT_ORGANIZATIONS = [
    "Riverside Learning Collective",
    "Northgate Health Network",
    "Harbourlight Alliance",
]
TESTIMONIALS = [
    (
        "Practical, generous with her expertise, and clear about what she would and would "
        "not cover. Our staff still use her checklist.",
        "Jordan Ellis",
        "Riverside Learning Collective",
    ),
    (
        "The most useful training our clinic teams had this year. Calm, concrete, and "
        "honest about what changes take time.",
        "Sam Okoye",
        "Northgate Health Network",
    ),
]

BIO = (
    "<p>{name} has worked with anti-trafficking organizations for more than ten years, "
    "first as a peer advocate and now as an independent consultant. Her work focuses on "
    "{topic}.</p><p>She designs sessions that leave teams with practical steps, not only "
    "awareness.</p>"
)

"""The five standard pages every Podium site needs, written once here so that a new site
is honest about safety from its first day. Editors change them in the admin afterwards;
this migration never touches a page that already exists."""

import json
import uuid

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, 4 characters a level


def _step(number: int) -> str:
    digits = ""
    while number:
        number, remainder = divmod(number, len(ALPHABET))
        digits = ALPHABET[remainder] + digits
    return digits.rjust(4, "0")


def _heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def _paragraph(*sentences):
    return {"type": "paragraph", "value": "".join(f"<p>{s}</p>" for s in sentences)}


def _list(*items):
    return {"type": "paragraph", "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"}


def _call_out(title, text):
    return {"type": "call_out", "value": {"title": title, "text": f"<p>{text}</p>"}}


PAGES = [
    (
        "about",
        "About Podium",
        "Podium is where survivor-leaders of human trafficking publish their work as "
        "speakers, trainers and consultants, and where organizations find and pay them.",
        [
            _paragraph(
                "People with lived experience are asked to train police, advise charities and "
                "speak at conferences, too often for a gift card or for nothing. Podium exists "
                "so that this expertise is found, booked and paid like any other.",
                "Consultants own their profiles, posts and videos. They choose who sees each "
                "one, and they can pause or delete everything at any time.",
            ),
            _heading("How it works"),
            _list(
                "Consultants publish a profile, a rate card and their work.",
                "Organizations are checked by our editors before they can post paid "
                "opportunities, send booking requests or write to anyone.",
                "Bookings, messages and invoices stay on Podium, where both sides can see them.",
            ),
            _heading("Who runs it"),
            _paragraph(
                "A small editorial team reviews organizations, answers reports and features "
                "consultants' work on the home page, only when the consultant has agreed."
            ),
        ],
    ),
    (
        "fair-pay",
        "Fair-pay guidelines",
        "Lived expertise is professional expertise. These are the terms every opportunity "
        "and booking on Podium agrees to.",
        [
            _heading("What organizations agree to"),
            _list(
                "Every opportunity has a fee. Unpaid requests, gift cards and \u201cexposure\u201d "
                "are not accepted.",
                "Pay matches what the organization pays other experts of the same standing for "
                "the same work.",
                "Preparation, travel time and follow-up are paid, not only the hours on stage.",
                "Travel and accommodation are booked and paid by the organization, never "
                "advanced by the consultant.",
                "Invoices are paid within 30 days, and a cancellation close to the date is paid "
                "as the booking says.",
            ),
            _heading("Benchmarks"),
            _paragraph(
                "Each rate card shows public benchmarks, such as the cap on consultant fees in "
                "U.S. federal grants. They are a floor for conversation, not a ceiling."
            ),
            _call_out(
                "If something is not right",
                "Report the opportunity or booking from its page. Our editors read every "
                "report, and the organization is not told who made it.",
            ),
        ],
    ),
    (
        "code-of-conduct",
        "Code of conduct",
        "Podium is a professional space. Everyone here, consultants, organizations and "
        "editors, agrees to these rules.",
        [
            _heading("Respect people's stories"),
            _list(
                "Never ask a consultant to share more of their story than they offer.",
                "Never record, photograph or publish a consultant without their written consent.",
                "Use the name a consultant gives; never look for or share their legal name, "
                "address or family.",
            ),
            _heading("Keep it professional"),
            _list(
                "Messages are about the work. No personal questions, no pressure, no flirting.",
                "Keep payments and contact on Podium until a booking is accepted.",
                "No fees are ever charged to a consultant: not for visas, permits, "
                "introductions or \u201cregistration\u201d.",
            ),
            _heading("What happens when rules are broken"),
            _paragraph(
                "Editors may warn or suspend an organization. A suspended organization cannot "
                "post, book or write to anyone. Reports are confidential."
            ),
        ],
    ),
    (
        "privacy",
        "Privacy",
        "What Podium keeps about you, who can see it, and how to take it away.",
        [
            _heading("You decide who sees your work"),
            _paragraph(
                "Every profile, post and video is public, shown only to signed-in verified "
                "organizations, or kept private. Pausing your profile hides everything at once. "
                "You can block an organization, and it will not be told."
            ),
            _heading("What we remove"),
            _paragraph(
                "Photos lose their location and camera details before they are stored. Videos "
                "and documents are copied without their metadata. No exact addresses are asked "
                "for: a city or region is enough."
            ),
            _heading("What we keep, and for how long"),
            _list(
                "Your account, your pages and the bookings, messages and invoices you take part in.",
                "The content of e-mails only until they are sent.",
                "Sign-in records without your e-mail address or location.",
            ),
            _paragraph(
                "You can download your records from your dashboard, and deleting your account "
                "removes your pages, photos and videos."
            ),
            _heading("No tracking"),
            _paragraph(
                "Podium uses no advertising or analytics cookies. Videos from YouTube or Vimeo "
                "load only when you press play."
            ),
        ],
    ),
    (
        "safety",
        "Staying safe on Podium",
        "What the quick exit and private browsing can and cannot do, said plainly, so that "
        "you can decide what is safe for you.",
        [
            _heading("The quick exit"),
            _paragraph(
                "The Quick exit button at the top of the page, or pressing Esc three times, "
                "opens a neutral website in place of Podium at once. The page you were on is "
                "replaced in this tab's history, so pressing Back does not bring it back.",
            ),
            _heading("What the quick exit does not do"),
            _list(
                "It does not erase your history. Other Podium pages you opened before are still "
                "in the browser's history and can be found there.",
                "It does not close other tabs or windows that show Podium.",
                "It does not delete e-mails, downloads, saved passwords or notifications on "
                "your phone.",
                "It does not hide your visit from spyware, from a shared or work computer's "
                "monitoring, or from the network you are on.",
            ),
            _heading("Private browsing"),
            _paragraph(
                "A private or incognito window forgets the pages you visited, cookies and "
                "what you typed once you close all its windows. It does not hide your visit "
                "from the network, your employer or school, or spyware on the device.",
                "If you think someone watches your phone or computer, use a device they "
                "cannot reach, such as a library computer or a trusted friend's phone.",
            ),
            _heading("What Podium does for you"),
            _list(
                "E-mails come from a neutral sender name and never include message content.",
                "You are signed out after 30 idle minutes, and when the browser closes.",
                "Signed-in pages are not kept in the browser's cache.",
            ),
            _call_out(
                "In danger now?",
                "Call your local emergency number. In the U.S., the National Human Trafficking "
                "Hotline answers at 1-888-373-7888, or text 233733, free and confidential, 24 "
                "hours a day.",
            ),
        ],
    ),
]


def create_standard_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("cms.HomePage")
    StandardPage = apps.get_model("cms.StandardPage")
    Page = apps.get_model("wagtailcore.Page")
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    page_type, _ = ContentType.objects.get_or_create(app_label="cms", model="standardpage")
    numchild = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1).count()
    last_child = (
        Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    next_step = int(last_child[-4:], 36) + 1 if last_child else 1
    for slug, title, intro, body in PAGES:
        if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug=slug).exists():
            continue
        StandardPage.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=page_type,
            path=home.path + _step(next_step),
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            locale_id=home.locale_id,
            live=True,
            intro=intro,
            body=json.dumps([{**block, "id": str(uuid.uuid4())} for block in body]),
        )
        next_step += 1
        numchild += 1
    HomePage.objects.filter(pk=home.pk).update(numchild=numchild)


def remove_standard_pages(apps, schema_editor):
    slugs = [slug for slug, *_ in PAGES]
    apps.get_model("cms.StandardPage").objects.filter(slug__in=slugs).delete()


class Migration(migrations.Migration):
    dependencies = [("cms", "0007_standard_page")]

    operations = [migrations.RunPython(create_standard_pages, remove_standard_pages)]

"""Consultants' pages: a profile with blog posts and videos beneath it, and the directory.

Who sees a page is decided by portfolio.policy; `visibility` is the page's effective
audience, kept in step (with Wagtail view restrictions) by portfolio.services, never
edited by hand.
"""

import itertools
import math
import uuid
from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, prefetch_related_objects
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page, PagePermissionTester
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail.utils.decorators import cached_classmethod

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.embeds import parse_video_url
from core.i18n import Label, field_label
from core.models import (
    BasePage,
    DirectoryIntroMixin,
    meta_description_text,
    site_meta_description,
)
from core.money import Currency, currency_constraint
from core.richtext import clean_rich_text, clean_stream_rich_text
from portfolio.enums import Audience, Availability, EngagementType, RateUnit, Travel
from portfolio.page_choices import ChoiceReach, chosen_fields, refusal_error

WORDS_PER_MINUTE = 200
SLUG_MAX_LENGTH = Page._meta.get_field("slug").max_length


@register_snippet
class Topic(index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=80, unique=True)
    name_es = models.CharField(
        _("name in Spanish"),
        max_length=80,
        blank=True,
        help_text=_("Shown when the interface is in Spanish. Empty: the name above."),
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True, allow_unicode=False)
    description = models.TextField(_("description"), blank=True, max_length=500)
    description_es = models.TextField(_("description in Spanish"), blank=True, max_length=500)

    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_es"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")

    def __str__(self):
        return str(self.shown_name)

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.name)[:80]
        super().save(*args, **kwargs)

    @property
    def meta_description(self) -> str:
        """The topic page's description in search results and link previews."""
        text = gettext("Speakers on %(topic)s.") % {"topic": self.shown_name}
        return meta_description_text(f"{text} {self.shown_description}")

    @property
    def shown_name(self) -> Label:
        return field_label(self, "name")

    @property
    def shown_description(self) -> Label:
        return field_label(self, "description")


@register_snippet
class Language(models.Model):
    code = models.CharField(_("ISO 639 code"), max_length=12, unique=True)
    name = models.CharField(
        _("name"), max_length=80, help_text=_("In English; known languages are translated.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("language")

    def __str__(self):
        return language_name(self.code, self.name)


# Languages Django's own translated list does not name (or names only by a variant).
EXTRA_LANGUAGE_NAMES = {
    "zh": _("Chinese"),
    "tl": _("Tagalog"),
    "ase": _("American Sign Language"),
    "ht": _("Haitian Creole"),
    "so": _("Somali"),
    "am": _("Amharic"),
}


def language_name(code: str, fallback: str = "") -> str:
    """A language's name in the interface's language, from translated lists; the stored
    English name for a language neither list knows."""
    if code in EXTRA_LANGUAGE_NAMES:
        return str(EXTRA_LANGUAGE_NAMES[code])
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return fallback or code


class ConsultantPageForm(WagtailAdminPageForm):
    """Image fields accept only images the person may use (a consultant: their collection).

    Wagtail's image field accepts any image id, so a crafted form could put someone
    else's private photo on a public page. Another person's image answers like a missing
    one ("select a valid choice"); an image the page already has stays valid. Images and
    pages chosen inside the page's text (StreamField blocks, rich text links) are held to
    the same reach by portfolio.page_choices.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        # Imported here: admin_reach reads the image model when loaded, after app loading.
        from accounts.admin_reach import own_images

        if "slug" in self.fields:
            # Made from the title when left empty (clean_slug): the admin's script that
            # fills it in may not have run when "Save draft" follows the title at once.
            self.fields["slug"].required = False
        if for_user is None:
            return
        for name, field in self.fields.items():
            if getattr(field, "queryset", None) is None:
                continue
            if field.queryset.model is not get_image_model():
                continue
            allowed = own_images(for_user)
            current = getattr(self.instance, f"{name}_id", None)
            if current:
                allowed = allowed | get_image_model().objects.filter(pk=current)
            field.queryset = field.queryset.filter(pk__in=allowed.values("pk"))
            field.bound_data = _without_refused(field)
        self._choice_reach = ChoiceReach(user=for_user, page=self.instance)
        chosen = chosen_fields(self.instance)
        self._choosing = {name: block for name, block, _value in chosen if name in self.fields}
        for name, block in self._choosing.items():
            field = self.fields[name]
            field.bound_data = _without_unreachable(field, block, self._choice_reach)

    def clean_slug(self):
        """A page's address may repeat that of a draft never published: it moves aside.

        Left empty, the address is made from the title.

        Wagtail saves a new page as a draft while it is being written (autosave), so a
        post begun and left, or started twice, would otherwise hold its title's address
        and refuse every later post of that title with a message about "slugs". The new
        page takes the next free address ("title-2") instead. A clash with a published
        page is refused in plain words: renaming the new page is the person's choice.
        """
        slug = self.cleaned_data.get("slug") or slugify(self.cleaned_data.get("title", ""))
        if not slug:
            raise forms.ValidationError(self.fields["slug"].error_messages["required"])
        parent = getattr(self, "parent_page", None)
        page = self.instance if self.instance.pk else None
        if not slug or parent is None or Page._slug_is_available(slug, parent, page):
            return slug
        siblings = parent.get_children()
        if page is not None:
            siblings = siblings.not_page(page)
        if siblings.filter(slug=slug).filter(Q(live=True) | Q(first_published_at__isnull=False)):
            raise forms.ValidationError(
                _(
                    "Another page already has the address “%(slug)s”. Give this one a "
                    "different title, or change its address on the Address tab."
                )
                % {"slug": slug}
            )
        for number in itertools.count(2):
            suffix = f"-{number}"
            candidate = slug[: SLUG_MAX_LENGTH - len(suffix)] + suffix
            if Page._slug_is_available(candidate, parent, page):
                return candidate
        return slug  # unreachable: count() never ends

    def clean(self):
        """Chosen images and pages in the page's text must be within the person's reach."""
        cleaned_data = super().clean()
        reach = getattr(self, "_choice_reach", None)
        if reach is None:
            return cleaned_data
        for name, block in self._choosing.items():
            if cleaned_data.get(name) is None:
                continue  # refused already, or empty: nothing to check
            value, removed = reach.without_refused(block, cleaned_data[name])
            if removed:
                cleaned_data[name] = value
                self.add_error(name, refusal_error(block))
        return cleaned_data


def _without_refused(field):
    """The form shown again after a refusal must not show the refused image either.

    Wagtail's chooser widget displays whatever id the form holds, title and thumbnail.
    """
    bound_data = field.bound_data

    def shown(data, initial):
        if data and not (str(data).isdigit() and field.queryset.filter(pk=data).exists()):
            return initial
        return bound_data(data, initial)

    return shown


def _without_unreachable(field, block, reach):
    """Text shown again after an error holds no choice outside the person's reach."""
    bound_data = field.bound_data

    def shown(data, initial):
        value = bound_data(data, initial)
        return reach.without_refused(block, value)[0] if value is not None else value

    return shown


class ConsultantPage(BasePage):
    """What a consultant's pages share: an audience they choose, and the effective one."""

    base_form_class = ConsultantPageForm

    audience = models.CharField(
        _("who can see this"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PRIVATE,
    )
    # The effective audience (the narrowest of this page's, its profile's and a pause),
    # written by portfolio.services.visibility_sync after every publish, pause or resume.
    visibility = models.CharField(
        max_length=10, choices=Audience.choices, default=Audience.PRIVATE, editable=False
    )
    # Wagtail's own privacy control would fight the audience field; Podium sets the view
    # restrictions itself.
    private_page_options: list[str] = []

    # Fields that describe the live page's state rather than its content: restoring or
    # publishing an older revision must not bring back an old value.
    state_fields = ("visibility",)

    class Meta:
        abstract = True

    # Who sees the page is the first thing asked, above the content, with the private
    # default already chosen: a choice tucked away on a later tab goes unseen.
    audience_panels = [
        FieldPanel(
            "audience",
            widget=forms.RadioSelect,
            help_text=_("You can change this at any time; it applies when you publish."),
        )
    ]
    settings_panels: list = []

    @property
    def live_audience_label(self) -> str:
        """What the admin says instead of "live" when the published page is not public.

        Wagtail calls every published page "live" or "published"; for a page only its
        consultant (or only the network) can see, that would say the opposite of the truth.
        Empty for a public page or one not published.
        """
        if not self.live or self.visibility == Audience.PUBLIC:
            return ""
        if self.visibility == Audience.NETWORK:
            return str(_("Members only"))
        return str(_("Only you"))

    @property
    def status_string(self):
        label = self.live_audience_label
        if not label:
            return super().status_string
        if self.workflow_in_progress:
            return _("%(audience)s + in review") % {"audience": label}
        if self.has_unpublished_changes:
            return _("%(audience)s + draft") % {"audience": label}
        return label

    @cached_classmethod
    def get_edit_handler(cls):
        tabs = [ObjectList([*cls.audience_panels, *cls.content_panels], heading=_("Content"))]
        if cls.promote_panels:
            tabs.append(ObjectList(cls.promote_panels, heading=_("Address")))
        return TabbedInterface(tabs, base_form_class=cls.base_form_class).bind_to_model(cls)

    # Rich text fields of the page, cleaned on every save (core.richtext).
    rich_text_fields: tuple[str, ...] = ()

    def get_admin_display_title(self):
        # Wagtail's admin names a page by its latest draft's title wherever it lists it,
        # also to people who may see only the published page (the page chooser, bulk
        # actions, usage): an unpublished change stays with its editor. Once published,
        # a page goes by its published title; its editor shows the draft.
        if self.live:
            return self.title
        return super().get_admin_display_title()

    def save(self, *args, **kwargs):
        for name in self.rich_text_fields:
            setattr(self, name, clean_rich_text(getattr(self, name), RICH_TEXT_FEATURES))
        super().save(*args, **kwargs)

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for field in self.state_fields:
            setattr(page, field, getattr(self, field))
        return page

    @property
    def profile(self) -> "SpeakerProfilePage":
        raise NotImplementedError

    @property
    def allow_search_engine_indexing(self) -> bool:
        # Only a public page of a consultant who opted in (safety.md E31).
        return self.visibility == Audience.PUBLIC and self.profile.allow_search_engines

    def get_sitemap_urls(self, request=None):
        if not self.allow_search_engine_indexing:
            return []
        return super().get_sitemap_urls(request)

    def get_meta_description(self) -> str:
        # Search snippets and link previews quote the description to whoever fetches the
        # address: only a page everyone may see lends it its own words.
        if self.visibility != Audience.PUBLIC:
            return site_meta_description()
        return super().get_meta_description()


class SpeakerIndexPage(RoutablePageMixin, DirectoryIntroMixin, BasePage):
    """The speaker directory (/speakers/), with topic pages and the site-wide feed."""

    content_panels = [*BasePage.content_panels, *DirectoryIntroMixin.directory_panels]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["portfolio.SpeakerProfilePage"]
    max_count = 1
    allow_search_engine_indexing = True

    class Meta:
        verbose_name = _("speaker directory")

    def default_meta_description(self) -> str:
        return gettext(
            "Find speakers, trainers and consultants with lived experience by topic, "
            "language and format, and request them for paid work."
        )

    @path("")
    def directory(self, request):
        from portfolio import views

        return views.directory(request, self)

    @path("topics/<slug:slug>/")
    def topic(self, request, slug):
        from portfolio import views

        return views.topic(request, self, slug)

    @path("feed/")
    def feed(self, request):
        from portfolio import feeds

        return feeds.SiteFeed()(request, index_page=self)

    @path("feed/atom/")
    def atom_feed(self, request):
        from portfolio import feeds

        return feeds.SiteAtomFeed()(request, index_page=self)


class ProfilePermissionTester(PagePermissionTester):
    """A profile lives under the speakers' index and nowhere else, one per consultant: it
    is never moved or copied (those forms would show its consultant the index, which they
    cannot open, and a copy would be a second profile of the same person)."""

    def can_move(self):
        return False

    def can_copy(self):
        return False


class SpeakerProfilePage(RoutablePageMixin, ConsultantPage):
    """One per consultant, created (as a draft) with the account; owned by them."""

    consultant = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="speaker_profile",
        editable=False,
    )
    headline = models.CharField(_("headline"), max_length=140, blank=True)
    bio = RichTextField(_("professional bio"), features=RICH_TEXT_FEATURES, blank=True)
    lived_experience = RichTextField(
        _("lived-experience statement"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Optional. Kept apart from your bio, with its own audience."),
    )
    lived_experience_audience = models.CharField(
        _("who can see the statement"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PRIVATE,
    )
    photo = models.ForeignKey(
        "core.PodiumImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional: without one, a calm drawn placeholder is shown."),
    )
    cover_image = models.ForeignKey(
        "core.PodiumImage",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Optional: a wide picture shown as a banner above your profile. A landscape, "
            "a pattern or your work works well; it is cropped to a wide strip."
        ),
    )
    pronouns = models.CharField(_("pronouns"), max_length=40, blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    languages = ParentalManyToManyField(Language, verbose_name=_("languages"), blank=True)
    years_of_experience = models.PositiveSmallIntegerField(
        _("years of experience"), null=True, blank=True
    )
    credentials = models.TextField(_("credentials"), blank=True, max_length=2000)
    country = CountryField(
        _("country you travel from"),
        blank=True,
        blank_label=_("No country given"),
        help_text=_("A country, never a street or a city, unless you choose to name one."),
    )
    region = models.CharField(_("region"), max_length=80, blank=True)
    travel = models.CharField(
        _("travel"), max_length=20, choices=Travel.choices, default=Travel.NONE
    )
    virtual = models.BooleanField(_("available for virtual events"), default=True)
    rates_audience = models.CharField(
        _("who can see your rates"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.NETWORK,
    )
    topics_not_discussed = models.TextField(
        _("topics I will not discuss"), blank=True, max_length=1000
    )
    no_personal_story = models.BooleanField(_("no requests for my personal story"), default=False)
    accommodation_needs = models.TextField(
        _("accommodation needs"),
        blank=True,
        max_length=1000,
        help_text=_("Shown only to an organization whose booking you have confirmed."),
    )
    availability = models.CharField(
        _("availability"),
        max_length=10,
        choices=Availability.choices,
        default=Availability.OPEN,
    )
    paused_until = models.DateField(_("paused until"), null=True, blank=True)
    monthly_cap = models.PositiveSmallIntegerField(
        _("most engagements a month"), null=True, blank=True
    )
    allow_search_engines = models.BooleanField(
        _("let search engines list my profile"),
        default=False,
        help_text=_(
            "Off: search engines are asked not to list your pages, they are left out of "
            "the sitemap, and no structured data describes you. Only public pages can be "
            "listed."
        ),
    )
    # A pause hides the profile everywhere at once; it is state, not content.
    paused_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The consultant's yes to being featured on the home page (design.md principle 2).
    # State, like the pause: set and withdrawn from the dashboard, effective at once.
    featuring_consent_at = models.DateTimeField(null=True, blank=True, editable=False)
    state_fields = ("visibility", "paused_at", "featuring_consent_at")
    rich_text_fields = ("bio", "lived_experience")

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("headline"),
        index.SearchField("bio"),
        index.SearchField("credentials"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("visibility"),
    ]

    content_panels = [
        FieldPanel(
            "title",
            heading=_("Professional name"),
            help_text=_(
                "The name you work under. A professional name is normal; your legal name is "
                "never needed."
            ),
        ),
        FieldPanel("headline"),
        FieldPanel("pronouns"),
        FieldPanel("photo"),
        FieldPanel("cover_image"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldPanel("lived_experience"),
                FieldPanel("lived_experience_audience", widget=forms.RadioSelect),
            ],
            heading=_("Lived experience (optional)"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("years_of_experience"),
                FieldPanel("credentials"),
                InlinePanel("links", label=_("links")),
            ],
            heading=_("Expertise"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
                FieldPanel("travel"),
                FieldPanel("virtual"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("rates_audience", widget=forms.RadioSelect),
                InlinePanel("rates", label=_("rates")),
            ],
            heading=_("Engagements and rates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics_not_discussed"),
                FieldPanel("no_personal_story"),
                FieldPanel("accommodation_needs"),
            ],
            heading=_("Boundaries"),
        ),
        InlinePanel("past_engagements", heading=_("Past engagements"), label=_("engagement")),
        MultiFieldPanel(
            [
                FieldPanel("availability"),
                FieldPanel("paused_until"),
                FieldPanel("monthly_cap"),
            ],
            heading=_("Availability"),
        ),
    ]
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("allow_search_engines")],
            heading=_("Address and search engines"),
        )
    ]

    parent_page_types = ["portfolio.SpeakerIndexPage"]
    subpage_types = ["portfolio.BlogPostPage", "portfolio.VideoPage"]

    class Meta:
        verbose_name = _("speaker profile")

    def permissions_for_user(self, user):
        return ProfilePermissionTester(user, self)

    @property
    def profile(self):
        return self

    def default_meta_description(self) -> str:
        # The headline and topics show to everyone who may see the profile; the bio and
        # the lived-experience statement (with its own audience) are left out. Prefetched,
        # so that the page's own list of topics reuses this query.
        if self.pk:
            prefetch_related_objects([self], "topics")
        topics = ", ".join(str(topic) for topic in self.topics.all())
        if self.headline and topics:
            return gettext("%(headline)s. Topics: %(topics)s.") % {
                "headline": self.headline.rstrip(". "),
                "topics": topics,
            }
        if self.headline or topics:
            return self.headline or gettext("Topics: %(topics)s.") % {"topics": topics}
        return gettext("%(name)s: speaker, trainer and consultant.") % {"name": self.title}

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None

    def get_route_paths(self):
        # Wagtail records a redirect for each of these when the profile's slug changes.
        return ["/", "/media-kit/", "/media-kit/pdf/", "/feed/", "/feed/atom/"]

    @path("")
    def profile_view(self, request):
        from portfolio import views

        return views.profile(request, self)

    @path("media-kit/")
    def media_kit(self, request):
        from portfolio import views

        return views.media_kit(request, self)

    @path("media-kit/pdf/")
    def media_kit_pdf(self, request):
        from portfolio import views

        return views.media_kit_pdf(request, self)

    @path("feed/")
    def feed(self, request):
        from portfolio import feeds

        return feeds.ProfileFeed()(request, profile=self)

    @path("feed/atom/")
    def atom_feed(self, request):
        from portfolio import feeds

        return feeds.ProfileAtomFeed()(request, profile=self)


class ProfileLink(Orderable):
    profile = ParentalKey(SpeakerProfilePage, on_delete=models.CASCADE, related_name="links")
    label = models.CharField(_("label"), max_length=80)
    url = models.URLField(_("address"), max_length=500)

    panels = [FieldPanel("label"), FieldPanel("url")]


class PastEngagement(Orderable):
    """An engagement the consultant chooses to list; shown only once its date has passed."""

    profile = ParentalKey(
        SpeakerProfilePage, on_delete=models.CASCADE, related_name="past_engagements"
    )
    title = models.CharField(_("what it was"), max_length=200)
    organization = models.CharField(_("for whom"), max_length=200)
    date = models.DateField(_("date"))
    show_on_profile = models.BooleanField(
        _("show on my profile"),
        default=False,
        help_text=_("Shown only after the date: your profile never announces where you will be."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("organization"), FieldPanel("date")]),
        FieldPanel("show_on_profile"),
    ]


@register_snippet
class Testimonial(models.Model):
    """Words about a consultant's work, public only once the consultant approves them.

    Organizations write them after a completed booking (networking); editors may add
    one a consultant forwards to them. The consultant approves or declines each.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    profile = models.ForeignKey(
        SpeakerProfilePage,
        on_delete=models.CASCADE,
        related_name="testimonials",
        verbose_name=_("profile"),
    )
    text = models.TextField(_("testimonial"), max_length=2000)
    author_name = models.CharField(_("name"), max_length=120)
    author_role = models.CharField(_("role and organization"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("testimonial")

    def __str__(self):
        return f"{self.author_name}: {self.text[:40]}"


class RateCardEntry(Orderable):
    """What a consultant charges for one kind of engagement; its rows say what they offer."""

    profile = ParentalKey(SpeakerProfilePage, on_delete=models.CASCADE, related_name="rates")
    engagement_type = models.CharField(
        _("engagement"), max_length=20, choices=EngagementType.choices
    )
    minimum_fee = models.DecimalField(
        _("minimum fee"),
        max_digits=9,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("1"))],
    )
    currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, default=Currency.USD
    )
    unit = models.CharField(_("unit"), max_length=10, choices=RateUnit.choices)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("engagement_type"),
                FieldPanel("minimum_fee"),
                FieldPanel("currency"),
                FieldPanel("unit"),
            ]
        )
    ]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "engagement_type"], name="one_rate_per_engagement_type"
            ),
            currency_constraint(name="portfolio_rate_currency_supported"),
        ]


class ChildOfProfile(ConsultantPage):
    """Blog posts and videos: children of a profile, owned by its consultant."""

    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )

    summary = models.TextField(_("summary"), max_length=300, blank=True)
    topics = ParentalManyToManyField(Topic, verbose_name=_("topics"), blank=True)
    content_note = models.TextField(
        _("content note"),
        blank=True,
        max_length=500,
        help_text=_(
            "Optional. Readers see it first and choose whether to go on, e.g. "
            '"mentions of violence".'
        ),
    )

    parent_page_types = ["portfolio.SpeakerProfilePage"]
    subpage_types: list[str] = []
    promote_panels = [FieldPanel("slug")]

    class Meta:
        abstract = True

    @cached_property
    def profile(self) -> SpeakerProfilePage:
        return SpeakerProfilePage.objects.parent_of(self).get()

    # Never the text itself: it may sit behind a content note the reader has not passed.
    def default_meta_description(self) -> str:
        return self.summary or self.untitled_meta_description % {"name": self.profile.title}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A content note comes first, on a page of its own; the reader chooses to go on.
        context["show_content_note"] = bool(self.content_note) and request.GET.get("read") != "1"
        return context

    def save(self, *args, **kwargs):
        if not self.consultant_id:
            # Whoever writes the page (the consultant, or an editor helping), it belongs
            # to the consultant whose profile it sits under.
            self.consultant_id = self.profile.consultant_id
        super().save(*args, **kwargs)


class BlogPostPage(ChildOfProfile):
    body = StreamField(BodyBlock(), verbose_name=_("text"), blank=True)

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("visibility"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("content_note"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    untitled_meta_description = _("A post by %(name)s.")

    class Meta:
        verbose_name = _("blog post")

    def save(self, *args, **kwargs):
        clean_stream_rich_text(self.body, RICH_TEXT_FEATURES)
        super().save(*args, **kwargs)

    @property
    def reading_minutes(self) -> int:
        words = len(strip_tags(str(self.body)).split())
        return max(1, math.ceil(words / WORDS_PER_MINUTE))


class VideoPageForm(ConsultantPageForm):
    """Offers only the consultant's own uploaded videos (editors see all)."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        from accounts.rules import is_editor
        from core.models import PodiumVideo

        if "uploaded_video" in self.fields:
            videos = PodiumVideo.objects.filter(status=PodiumVideo.Status.READY)
            if for_user is not None and not is_editor(for_user):
                videos = videos.filter(uploaded_by=for_user)
            if self.instance.uploaded_video_id:
                videos = videos | PodiumVideo.objects.filter(pk=self.instance.uploaded_video_id)
            self.fields["uploaded_video"].queryset = videos


class VideoPage(ChildOfProfile):
    video_url = models.URLField(
        _("YouTube or Vimeo link"),
        max_length=300,
        blank=True,
        help_text=_("Played from YouTube's privacy-enhanced mode or Vimeo with do-not-track."),
    )
    uploaded_video = models.ForeignKey(
        "core.PodiumVideo",
        verbose_name=_("or a video you uploaded"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Upload videos from your dashboard; they appear here once prepared."),
    )
    poster = models.ForeignKey(
        "core.PodiumImage",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = models.TextField(_("transcript"), blank=True, max_length=50_000)
    base_form_class = VideoPageForm

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("transcript"),
        index.FilterField("visibility"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("video_url"),
        FieldPanel("uploaded_video"),
        FieldPanel("summary"),
        FieldPanel("content_note"),
        FieldPanel("poster"),
        FieldPanel("transcript"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]

    untitled_meta_description = _("A video by %(name)s.")

    class Meta:
        verbose_name = _("video")

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if bool(self.video_url) == bool(self.uploaded_video_id):
            raise ValidationError(
                {"video_url": _("Give either a YouTube or Vimeo link, or a video you uploaded.")}
            )
        if self.video_url:
            try:
                parse_video_url(self.video_url)
            except ValidationError as error:
                raise ValidationError({"video_url": error.messages}) from error

    @property
    def embed(self):
        return parse_video_url(self.video_url) if self.video_url else None

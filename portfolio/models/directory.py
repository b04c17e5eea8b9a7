"""The speaker directory (/speakers/): the list of profiles, topic pages and the site feed."""

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from core.models import BasePage, DirectoryIntroMixin
from portfolio.forms import DirectoryFilterForm
from portfolio.models.taxonomy import Topic

PAGE_SIZE = 20


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
        # Imported here: portfolio.selectors imports these page models (a cycle).
        from portfolio import fragments, selectors

        topics = list(Topic.objects.all())
        form = DirectoryFilterForm(request.GET or None, topics=topics)
        filters = form.cleaned_data if form.is_valid() else {}
        profiles = selectors.directory_profiles(viewer=request.viewer, filters=filters)
        listing = fragments.directory_listing(request.GET)
        pages = fragments.paginator(profiles, request, listing=listing, per_page=PAGE_SIZE)
        page_obj = pages.get_page(request.GET.get("page"))
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(
            request,
            template="portfolio/speaker_index_page.html",
            context_overrides={
                "form": form,
                "page_obj": page_obj,
                "profiles": page_obj.object_list,
                "filter_query": query.urlencode(),
                "topics": topics,
                # Written once: a link to each topic would otherwise ask for it again.
                "directory_url": self.get_url(request),
            },
        )

    @path("topics/<slug:slug>/")
    def topic(self, request, slug):
        # Imported here: portfolio.selectors imports these page models (a cycle).
        from portfolio import fragments, selectors

        topic = get_object_or_404(Topic, slug=slug)
        pages = selectors.topic_pages(topic=topic, viewer=request.viewer)
        profiles = fragments.paginator(
            pages["profiles"], request, listing=f"topic:{topic.pk}", per_page=PAGE_SIZE
        )
        page_obj = profiles.get_page(request.GET.get("page"))
        context = {
            "topic": topic,
            "page_obj": page_obj,
            "profiles": page_obj.object_list,
            "directory_url": self.get_url(request),
        }
        # The newest posts and videos head the first page; later pages go on with speakers.
        if page_obj.number == 1:
            # Their pictures are looked up only for cards not kept (portfolio.fragments).
            context["posts"] = pages["posts"]
            context["videos"] = pages["videos"]
        return self.render(request, template="portfolio/topic.html", context_overrides=context)

    @path("feed/")
    def feed(self, request):
        # Imported here: portfolio.feeds reads through portfolio.selectors, which imports
        # these page models (a cycle).
        from portfolio import feeds

        return feeds.SiteFeed()(request, index_page=self)

    @path("feed/atom/")
    def atom_feed(self, request):
        # Imported here: portfolio.feeds reads through portfolio.selectors, which imports
        # these page models (a cycle).
        from portfolio import feeds

        return feeds.SiteAtomFeed()(request, index_page=self)

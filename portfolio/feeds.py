"""RSS and Atom feeds of public blog posts. Feed readers never sign in: public only."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed

from portfolio import selectors
from portfolio.enums import Audience

FEED_LENGTH = 20


class SiteFeed(Feed):
    title = "Podium: new posts"
    description = "Public posts by Podium's speakers."

    def get_object(self, request, index_page=None, **kwargs):
        self.request = request
        return index_page

    # Addresses are read with the request, which keeps the site's root paths for the
    # whole response: without it each item would ask the cache for them again.
    def link(self, index_page):
        return index_page.get_url(self.request)

    def items(self, index_page):
        return selectors.public_posts(viewer=self.request.viewer)[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The summary only: a content note must not be skipped by a feed reader.
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at


class ProfileFeed(SiteFeed):
    def get_object(self, request, profile=None, **kwargs):
        if profile.visibility != Audience.PUBLIC or not request.viewer.can_view(profile):
            raise Http404
        self.request = request
        return profile

    def title(self, profile):
        return f"{profile.title}: posts"

    def description(self, profile):
        return profile.headline

    def items(self, profile):
        return selectors.public_posts(viewer=self.request.viewer).child_of(profile)[:FEED_LENGTH]


class SiteAtomFeed(SiteFeed):
    feed_type = Atom1Feed
    subtitle = SiteFeed.description


class ProfileAtomFeed(ProfileFeed):
    feed_type = Atom1Feed

    def subtitle(self, profile):
        return profile.headline

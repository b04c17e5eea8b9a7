"""The page cache for anonymous visitors and the shared caches in front. Read through base.

See core/page_cache for what is kept and docs/deploy.md for a CDN in front.
"""

from config.settings import env

# Server side: how long a kept page lives; a change to anything public forgets it at once.
PODIUM_PAGE_CACHE_SECONDS = env.PAGE_CACHE_SECONDS
# Cache-Control of a public page: browsers ask again each time (their copy cannot be
# purged; the answer is a 304), shared caches keep it five minutes unless purged sooner.
PODIUM_PAGE_CACHE_BROWSER_SECONDS = 0
PODIUM_PAGE_CACHE_SHARED_SECONDS = 300
# Profile cards kept rendered (portfolio.cards), for visitors and signed-in people alike:
# kept under the same generation as pages, so the same changes forget them at once.
# 0 renders every card each time.
PODIUM_CARD_CACHE_SECONDS = 3600
# Never public, never kept: signed-in areas, media (each file decides), the switcher.
PODIUM_PAGE_CACHE_EXCLUDED_PREFIXES = (
    "/admin/",
    "/accounts/",
    "/dashboard/",
    "/network/",
    "/circle/",
    "/media/",
    "/private-media/",
    "/documents/",
    "/language/",
    "/healthz",
    # Profile-view counting and the fair-rate pages: each answer is for one person.
    "/insight/",
)
# Models whose rows never show on a page a visitor sees; every other model's save, delete
# or many-to-many change forgets every kept page. Renditions are written while visitors
# read, sessions and log entries on every signed-in request: purging on those would keep
# nothing.
PODIUM_PAGE_CACHE_IGNORED_MODELS = frozenset(
    {
        "sessions.session",
        "usersessions.usersession",
        "accounts.user",
        "account.emailaddress",
        "account.emailconfirmation",
        "mfa.authenticator",
        "core.outboxentry",
        "core.podiumrendition",
        "wagtailimages.rendition",
        "wagtailusers.userprofile",
        "wagtailadmin.admin",
        "wagtailadmin.editingsession",
        "wagtailadmin.formstate",
        "wagtailcore.apitoken",
        "wagtailcore.modellogentry",
        "wagtailcore.pagelogentry",
        "wagtailcore.pagesubscription",
        "wagtailcore.revision",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.uploadedfile",
        "wagtailcore.workflowstate",
        "wagtailcore.taskstate",
        "networking.invitation",
        "networking.verificationapplication",
        "networking.preferences",
        "networking.interest",
        "networking.matchsuggestion",
        "networking.bookingevent",
        "networking.conversation",
        "networking.message",
        "networking.attachment",
        "networking.unavailabledate",
        "networking.invoice",
        "networking.invoicesequence",
        "networking.notification",
        "networking.report",
        # The circle is private to its members: nothing of it is ever on a public page.
        "circle.member",
        "circle.vouch",
        "circle.memberblock",
        "circle.circle",
        "circle.participation",
        "circle.thread",
        "circle.post",
        "circle.readmark",
        "circle.mentoringinterest",
        "circle.mentorship",
        "circle.mentoringmessage",
        "circle.referral",
        "circle.circlereport",
        "circle.moderationentry",
        # A consultant's private notes and statements are never on a public page.
        "networking.debrief",
        "statements.statement",
        "statements.statementcheck",
        # Counters and the fair-rate snapshot are shown only to signed-in people.
        "insight.profileviewday",
        "insight.fairratefigure",
    }
)

# Wagtail's front-end cache invalidation: which shared cache to purge, if any.
WAGTAILFRONTENDCACHE = {}
if env.PURGE_URL:
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.PURGE_URL,
    }
if env.CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.CLOUDFLARE_ZONE_ID,
        "BEARER_TOKEN": env.CLOUDFLARE_BEARER_TOKEN,
    }
if env.CLOUDFRONT_DISTRIBUTION_ID:
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.CLOUDFRONT_DISTRIBUTION_ID,
    }

"""Consultants' pages: a profile with blog posts and videos beneath it, and the directory.

Each kind of thing has its module; every public name is here, as `portfolio.models.X`.
"""

from portfolio.models.base import ConsultantPage
from portfolio.models.content import WORDS_PER_MINUTE, BlogPostPage, ChildOfProfile, VideoPage
from portfolio.models.directory import PAGE_SIZE, SpeakerIndexPage
from portfolio.models.forms import SLUG_MAX_LENGTH, ConsultantPageForm, VideoPageForm
from portfolio.models.profile import ProfilePermissionTester, SpeakerProfilePage
from portfolio.models.profile_parts import PastEngagement, ProfileLink, RateCardEntry, Testimonial
from portfolio.models.taxonomy import EXTRA_LANGUAGE_NAMES, Language, Topic, language_name

__all__ = [
    "EXTRA_LANGUAGE_NAMES",
    "PAGE_SIZE",
    "SLUG_MAX_LENGTH",
    "WORDS_PER_MINUTE",
    "BlogPostPage",
    "ChildOfProfile",
    "ConsultantPage",
    "ConsultantPageForm",
    "Language",
    "PastEngagement",
    "ProfileLink",
    "ProfilePermissionTester",
    "RateCardEntry",
    "SpeakerIndexPage",
    "SpeakerProfilePage",
    "Testimonial",
    "Topic",
    "VideoPage",
    "VideoPageForm",
    "language_name",
]

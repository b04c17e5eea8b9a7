from cms.models.home import FeaturedItem, HomePage
from cms.models.pages import StandardPage
from cms.models.resources import Resource, ResourceCategory, ResourceIndexPage

__all__ = [
    "FeaturedItem",
    "HomePage",
    "Resource",
    "ResourceCategory",
    "ResourceIndexPage",
    "StandardPage",
]

"""Pages of the public site."""

from cms.models.dashboards import DashboardIndexPage, DashboardPage
from cms.models.forms import (
    FeedbackFormField,
    FeedbackFormPage,
    MentorSignUpFormField,
    MentorSignUpPage,
)
from cms.models.news import NewsIndexPage, NewsPage, NewsPageTopic
from cms.models.pages import ContactPage, HomePage, OrganisationPage, StandardPage
from cms.models.quarters import QuarterOutline
from cms.models.reports import Report

__all__ = [
    "ContactPage",
    "DashboardIndexPage",
    "DashboardPage",
    "FeedbackFormField",
    "FeedbackFormPage",
    "HomePage",
    "MentorSignUpFormField",
    "MentorSignUpPage",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTopic",
    "OrganisationPage",
    "QuarterOutline",
    "Report",
    "StandardPage",
]

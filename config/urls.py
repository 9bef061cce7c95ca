from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import two_factor
from cms import views as cms_views
from config import errors

# A lost database answers 503; every error page says what happened to the answers.
handler500 = errors.server_error
handler400 = errors.bad_request

urlpatterns = [
    path("admin/2fa/setup/", two_factor.two_factor_setup, name="two_factor_setup"),
    path("admin/2fa/", two_factor.two_factor_verify, name="two_factor_verify"),
    path("admin/2fa/reset/<int:pk>/", two_factor.two_factor_reset, name="two_factor_reset"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/", include("surveys.api.urls")),
    path("api/v1/", include("analytics.api.urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "api/v1/docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/docs.html"),
        name="api-docs",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# German has no prefix (/s/<slug>/); other languages do (/en/s/<slug>/).
urlpatterns += i18n_patterns(
    path("", include("surveys.urls")),
    path("search/", cms_views.search, name="search"),
    path("", include("cms.sharing_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

"""Security headers and the privacy settings of the staff login lockout."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """Send the strict public policy, and the admin's own relaxed one under /admin/.

    Wagtail's admin uses inline scripts and style attributes; public pages use neither.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path.startswith(settings.PART_ADMIN_PATH_PREFIXES):
            return PolicyParts(config=settings.PART_ADMIN_CONTENT_SECURITY_POLICY)
        return parts


def no_client_ip(request):
    """Give django-axes no client address: lockouts go by user name alone."""
    return None


def client_str_without_ip(username, ip_address, user_agent, path_info, request):
    """Describe a login attempt in axes' log lines by its user name only."""
    return f"username={username!r}"

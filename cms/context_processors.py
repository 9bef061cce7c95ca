from cms import selectors


def navigation(request):
    """Give every template the main menu, the footer links and the home address."""
    root = selectors.site_root(request=request)
    return {
        "navigation": selectors.menu_items(request=request),
        "footer_links": selectors.footer_items(request=request),
        "results_url": selectors.results_url(request=request),
        "home_url": (root.url if root else None) or "/",
    }

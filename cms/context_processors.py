from cms import selectors


def navigation(request):
    """Give every template the main menu and the address of the results pages."""
    return {
        "navigation": selectors.menu_items(request=request),
        "results_url": selectors.results_url(),
    }

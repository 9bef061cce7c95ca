"""Which language a page's content is written in."""


def content_language(page) -> str:
    """Return the language a page's content is written in.

    A page that is still an alias of its German original shows German text inside
    another language's interface; screen readers need to know.
    """
    source = page.alias_of.specific if page.alias_of_id else page
    return source.locale.language_code

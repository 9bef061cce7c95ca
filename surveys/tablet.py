"""Texts of the offline tablet page, handed to its script in the page's language."""

from django.utils.translation import gettext, ngettext, pgettext


def tablet_strings() -> dict:
    """Return every text tablet.js shows, translated; `{count}` is filled in by the script."""
    return {
        "waitingOne": ngettext(
            "%(count)s answer is waiting for a connection",
            "%(count)s answers are waiting for a connection",
            1,
        )
        % {"count": "{count}"},
        "waitingMany": ngettext(
            "%(count)s answer is waiting for a connection",
            "%(count)s answers are waiting for a connection",
            2,
        )
        % {"count": "{count}"},
        "noneWaiting": gettext("All answers have been sent."),
        "online": gettext("Online"),
        "offline": gettext("Offline: answers are kept on this tablet."),
        "sending": gettext("Sending …"),
        "sendNow": gettext("Send now"),
        "next": pgettext("button that goes to the next page of a survey", "Next"),
        "back": pgettext("button that goes to the previous page of a survey", "Back"),
        "send": gettext("Save answers"),
        "optional": gettext("optional"),
        "preferNot": gettext("Prefer not to say"),
        "otherLabel": gettext("If you chose “{option}”: please describe"),
        "scaleLow": gettext("0 = not at all"),
        "scaleHigh": gettext("10 = completely"),
        "pageOf": gettext("Page {step} of {count}"),
        "problem": gettext("There is a problem"),
        "errorPrefix": gettext("Error:"),
        "required": gettext("Please answer this question."),
        "chooseShown": gettext("Please choose one of the answers shown."),
        "chooseOne": gettext("Please choose only one answer."),
        "atLeast": gettext("Please choose at least {count} answers."),
        "atMost": gettext("Please choose at most {count} answers."),
        "declineOrAnswer": gettext(
            "Please choose either an answer or “prefer not to say”, not both."
        ),
        "number": gettext("Please enter a number, for example 15."),
        "scale": gettext("Please choose a number from 0 to 10."),
        "range": gettext("Please enter a number from {low} to {high}."),
        "rangeLow": gettext("Please enter a number of at least {low}."),
        "rangeHigh": gettext("Please enter a number of at most {high}."),
        "tooLong": gettext("Please write at most {limit} characters (you wrote {count})."),
        "describe": gettext("Please say in a few words what you mean."),
        "thanks": gettext("Thank you! Your answers are saved."),
        "thanksHint": gettext("The page starts again for the next person in a few seconds."),
        "nextPerson": gettext("Start for the next person"),
        "rejectedTitle": gettext("For staff: answers the server refused"),
        "rejectedHint": gettext(
            "These answers were not stored because the server found a problem. They stay on "
            "this tablet; please note the problem and tell the project team."
        ),
        "revoked": gettext(
            "The project team has switched this tablet off, so it sends no more answers. "
            "The answers stay saved on this tablet; please tell the project team."
        ),
        "loadFailed": gettext(
            "The questions could not be loaded. Please connect the tablet to the internet "
            "once and open this page again."
        ),
    }

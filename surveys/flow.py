"""The runner's way through a questionnaire: start, then next, back or finish.

One `RunnerFlow` per request. It reads the posted page into the signed state and
checks the answers once (`surveys.validation.Walk`); the view asks it where to go and
renders what it says. Nothing here touches the request, the database or a template.
"""

from dataclasses import dataclass

from surveys.forms import RunnerState, read_page
from surveys.models import Wave
from surveys.validation import Checked, Structure, Walk, check


@dataclass
class RunnerFlow:
    """Where one person is in one wave's questionnaire, with their answers checked."""

    wave: Wave
    structure: Structure
    state: RunnerState
    checked: Checked
    action_url: str
    is_preview: bool = False

    @classmethod
    def start(cls, *, wave, structure, code: str, action_url: str, is_preview: bool):
        """Begin on the first shown page with no answers."""
        checked = check(structure, {})
        first = checked.visible_pages[0] if checked.visible_pages else 1
        state = RunnerState.start(wave=wave, first_page=first, code=code)
        return cls(wave, structure, state, checked, action_url, is_preview)

    @classmethod
    def receive(cls, *, wave, structure, state, post, action_url: str, is_preview: bool):
        """Take the answers posted for the state's page, then check everything once.

        A page its rules no longer show (the state says so, the answers do not) takes
        nothing from the post: the person goes on from the first shown page.
        """
        walk = Walk(structure, state.answers)
        shown = walk.shown_on(state.page)
        if shown is not None:
            state.answers.update(read_page(post, shown))
        checked = walk.result()
        if shown is None and checked.visible_pages:
            state.page = checked.visible_pages[0]
        return cls(wave, structure, state, checked, action_url, is_preview)

    @classmethod
    def resume(cls, *, wave, structure, state, action_url: str):
        """Check the answers carried in the state, without reading a page (to finish)."""
        return cls(wave, structure, state, check(structure, state.answers), action_url)

    @property
    def has_pages(self) -> bool:
        return bool(self.checked.visible_pages)

    def page_errors(self) -> dict[str, str]:
        """Return the errors of the page just sent."""
        return self.checked.errors_on([self.state.page])

    def back(self) -> None:
        """Go to the shown page before this one (or stay on the first)."""
        pages = self.checked.visible_pages
        earlier = [page for page in pages if page < self.state.page]
        self.state.page = earlier[-1] if earlier else pages[0]

    def next(self) -> bool:
        """Go to the next shown page; return False on the last one (time to finish)."""
        later = [page for page in self.checked.visible_pages if page > self.state.page]
        if not later:
            return False
        self.state.page = later[0]
        return True

    def first_wrong_page(self) -> dict[str, str]:
        """Return every error and go to the first page that has one (before sending)."""
        errors = self.checked.errors
        if errors:
            self.state.page = min(
                page for page in self.checked.visible_pages if self.checked.errors_on([page])
            )
        return errors

"""What the staff pages of built files share: ask for a file, watch it, download it."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import FileResponse, Http404
from django.shortcuts import redirect

from analytics.file_jobs import files_of, remove_files
from analytics.models.file_jobs import StaffFileJob
from analytics.views.base import StaffPage
from surveys.models import Wave


class FileJobsPage(StaffPage):
    """A staff page with a form that asks for a file and the list of recent ones.

    The page updates itself while any file in the list is being built.
    """

    form_class: type[forms.Form]
    # What the files are called in the page's element ids: "export", "report".
    kind: str
    # Where to go after a request: the page itself, by its URL name.
    url_name: str

    def recent_jobs(self) -> list[StaffFileJob]:
        raise NotImplementedError

    def request_job(self, form) -> StaffFileJob:
        """Record the request the valid `form` holds and queue its job."""
        raise NotImplementedError

    def requested_message(self, job: StaffFileJob) -> str:
        raise NotImplementedError

    def get_context_data(self, form=None, **kwargs):
        jobs = list(self.recent_jobs())
        return super().get_context_data(
            form=form or self.form_class(),
            jobs=jobs,
            kind=self.kind,
            is_building=any(job.is_building for job in jobs),
            **kwargs,
        )

    def post(self, request):
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        job = self.request_job(form)
        messages.success(request, self.requested_message(job))
        return redirect(self.url_name)


def job_file_response(job: StaffFileJob, *, filename: str, on_download=None) -> FileResponse:
    """Hand out a finished job's file as an attachment, or answer 404 while there is none.

    `on_download` runs once the file is found, to write the download to the audit log.
    """
    path = job.file_path()
    if path is None:
        raise Http404
    if on_download is not None:
        on_download()
    return FileResponse(path.open("rb"), as_attachment=True, filename=filename)


# The admin deletes waves and pages outside a transaction of ours and asks hooks before
# and after: the files of the jobs the deletion takes along are noted before and removed
# after, so a refused deletion keeps them.
_HELD_FILES = "_part_file_jobs_to_remove"


def hold_job_files(request, jobs: QuerySet) -> None:
    """Note the files of jobs an admin deletion of this request is about to take along."""
    if request.method == "POST":
        setattr(request, _HELD_FILES, [*getattr(request, _HELD_FILES, []), *files_of(jobs)])


def hold_job_files_of_waves(request, instances, model: type[StaffFileJob]) -> None:
    """Note the files of the `model` jobs of the waves among `instances` a deletion takes."""
    waves = [instance.pk for instance in instances if isinstance(instance, Wave)]
    if waves:
        hold_job_files(request, model.objects.filter(wave__in=waves))


def remove_held_job_files(request) -> None:
    """Remove the files noted by `hold_job_files` once the admin deletion is committed.

    Wagtail deletes a page inside a transaction and a snippet outside one; either way
    the files go only when the deletion has been committed.
    """
    paths = getattr(request, _HELD_FILES, [])
    setattr(request, _HELD_FILES, [])
    transaction.on_commit(lambda: remove_files(paths))

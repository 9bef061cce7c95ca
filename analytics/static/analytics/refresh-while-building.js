// Reload the export list every few seconds while a file is being built, so the
// progress bars move without anyone pressing a key.
(function () {
  if (document.querySelector("[data-refresh-while-building]")) {
    window.setTimeout(function () { window.location.reload(); }, 3000);
  }
})();

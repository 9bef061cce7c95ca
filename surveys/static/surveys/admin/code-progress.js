// While code cards are being made, ask the server every two seconds how far each batch
// has come and move its progress bar; reload the page once one is ready or failed, so
// its download button appears. Without JavaScript a <noscript> refresh does the same.
(function () {
  var list = document.querySelector("[data-code-progress]");
  if (!list) { return; }
  var url = list.getAttribute("data-code-progress");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var finished = false;
        data.batches.forEach(function (batch) {
          var bar = document.getElementById("batch-progress-" + batch.id);
          if (!bar) { return; }
          if (batch.status !== "queued" && batch.status !== "running") { finished = true; return; }
          var percent = batch.total ? Math.min(99, Math.floor(100 * batch.done / batch.total)) : 0;
          bar.value = percent;
          bar.textContent = percent + " %";
          var label = document.getElementById("batch-label-" + batch.id);
          if (label) { label.textContent = batch.done + " / " + batch.total; }
        });
        if (finished) { window.location.reload(); } else { window.setTimeout(poll, 2000); }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 1000);
})();

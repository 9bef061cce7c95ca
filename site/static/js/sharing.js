// Copy buttons beside share links, a print button, and tables opened for print.
// Without JavaScript the fields stay selectable and the browser's own print works.
(function () {
  "use strict";
  function announce(button, message) {
    var region = button.closest(".chart-tools, .dashboard-share");
    var status = region && region.querySelector("[role=status]");
    if (status) {
      status.textContent = message;
    }
  }
  if (navigator.clipboard) {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var field = document.getElementById(button.getAttribute("data-copy"));
      if (!field) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(
          function () { announce(button, button.getAttribute("data-done") || "✓"); },
          function () { field.select(); }
        );
      });
    });
  }
  document.querySelectorAll(".dashboard-share__print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var opened = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".chart details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();

// Move focus to the error summary so keyboard and screen reader users hear what to fix.
(function () {
  "use strict";
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
})();

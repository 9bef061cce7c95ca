// Start ALTCHA's proof-of-work check with the worker from our own static files.
// Loaded after vendor/altcha/altcha.min.js (the build without inline workers or styles).
(function () {
  "use strict";
  var script = document.querySelector("script[data-altcha-worker]");
  if (!script || !window.$altcha) {
    return;
  }
  var workerUrl = script.getAttribute("data-altcha-worker");
  ["SHA-256", "SHA-384", "SHA-512"].forEach(function (name) {
    window.$altcha.algorithms.set(name, function () {
      return new Worker(workerUrl);
    });
  });
  customElements.whenDefined("altcha-widget").then(function () {
    document.querySelectorAll("altcha-widget").forEach(function (widget) {
      if (typeof widget.verify === "function") {
        widget.verify();
      }
    });
  });
})();

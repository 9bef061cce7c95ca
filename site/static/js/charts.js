// Draw each server-built Plotly figure; without JavaScript the table beside it carries the content.
(function () {
  "use strict";
  if (typeof window.Plotly === "undefined") {
    return;
  }
  document.querySelectorAll("[data-figure]").forEach(function (element) {
    var source = document.getElementById(element.getAttribute("data-figure"));
    if (!source) {
      return;
    }
    var figure = JSON.parse(source.textContent);
    var config = { displayModeBar: false, responsive: true, locale: document.documentElement.lang };
    window.Plotly.newPlot(element, figure.data, figure.layout, config);
    element.classList.add("chart__plot--drawn");
  });
})();

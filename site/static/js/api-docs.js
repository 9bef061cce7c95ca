// Swagger UI renders its page with React; fix what axe finds in its markup as it appears:
// the title block becomes the page's banner landmark, and the operation groups (h3 under
// the h1 title) and the schema list become level-2 headings.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  if (!root) {
    return;
  }
  function repair() {
    root.querySelectorAll(".information-container:not([role])").forEach(function (element) {
      element.setAttribute("role", "banner");
    });
    var groups = "h3.opblock-tag:not([aria-level]), section.models h4:not([aria-level])";
    root.querySelectorAll(groups).forEach(function (heading) {
      heading.setAttribute("aria-level", "2");
    });
  }
  new MutationObserver(repair).observe(root, { childList: true, subtree: true });
  repair();
})();

// The directory's filters sit in a disclosure that is closed on phones, so that the
// results come first. On a wide screen there is room beside the results: open it.
// Without this script the disclosure simply starts closed and opens on a tap.
(function () {
  "use strict";
  var filters = document.querySelector(".directory-filters");
  if (!filters || !window.matchMedia) {
    return;
  }
  if (window.matchMedia("(min-width: 60rem)").matches) {
    filters.open = true;
  }
})();

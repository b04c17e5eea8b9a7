// Quick exit: the link works without JavaScript; with it, the page is hidden at once and
// replaced in history (location.replace), so Back does not return here. Esc three
// times within two seconds does the same.
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) {
    return;
  }
  var destination = link.getAttribute("href");
  var presses = [];

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.documentElement.classList.add("is-exiting");
    document.title = "";
    window.location.replace(destination);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var now = Date.now();
    presses = presses.filter(function (time) {
      return now - time < 2000;
    });
    presses.push(now);
    if (presses.length >= 3) {
      leave(event);
    }
  });
})();

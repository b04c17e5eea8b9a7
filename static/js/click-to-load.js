// Click-to-load video: no request goes to the video site until the visitor presses play.
// Without JavaScript the placeholder keeps its plain "Watch on ..." link.
(function () {
  "use strict";
  document.querySelectorAll("[data-click-to-load]").forEach(function (box) {
    var button = box.querySelector("[data-click-to-load-button]");
    if (!button) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.src = box.getAttribute("data-src");
      frame.title = box.getAttribute("data-title") || "Video";
      frame.allow = "fullscreen; picture-in-picture";
      frame.referrerPolicy = "strict-origin";
      frame.setAttribute("allowfullscreen", "");
      frame.className = "video-embed__frame";
      box.replaceChildren(frame);
      frame.focus();
    });
  });
})();

// "Copy address" for the private calendar feed. Without JavaScript the button stays
// hidden and the read-only field is there to select and copy by hand.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-field]").forEach(function (box) {
    var input = box.querySelector("[data-copy-source]");
    var button = box.querySelector("[data-copy-button]");
    var status = box.querySelector("[data-copy-status]");
    if (!input || !button || !status) {
      return;
    }
    var timer = null;

    function say(text) {
      // Emptied first, so that copying twice is announced twice.
      status.textContent = "";
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        status.textContent = text;
      }, 50);
    }

    function selectAll() {
      input.focus();
      input.select();
      input.setSelectionRange(0, input.value.length);
    }

    function copiedByCommand() {
      selectAll();
      try {
        return document.execCommand("copy");
      } catch (error) {
        return false;
      }
    }

    input.addEventListener("focus", function () {
      input.select();
    });

    button.hidden = false;
    button.addEventListener("click", function () {
      var done = function () {
        say(box.getAttribute("data-copied"));
      };
      var failed = function () {
        if (copiedByCommand()) {
          done();
        } else {
          selectAll();
          say(box.getAttribute("data-failed"));
        }
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(input.value).then(done, failed);
      } else {
        failed();
      }
    });
  });
})();

/* News pages: the "In bài" (print) button. No inline handlers: the strict CSP forbids them. */
(function () {
  "use strict";
  function init() {
    var buttons = document.querySelectorAll("[data-news-print]");
    Array.prototype.forEach.call(buttons, function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* Admin: words CKEditor 4's Vietnamese translation leaves in English or gets wrong.
   The image dialog's "Chú thích ảnh" was the alt text, not a caption; the link dialog's
   "Display Text" and "Force Download" were untranslated. Dialogs read these words when
   they are first opened, so changing them once the editor is ready is enough. */
(function () {
  "use strict";
  var WORDS = {
    link: { displayText: "Chữ hiển thị", download: "Buộc tải về" },
    image2: {
      alt: "Mô tả ảnh (cho người không xem được ảnh)",
      captioned: "Có chú thích dưới ảnh",
      captionPlaceholder: "Chú thích ảnh"
    }
  };
  function translate(event) {
    var lang = event.editor.lang;
    Object.keys(WORDS).forEach(function (part) {
      if (!lang[part]) { return; }
      Object.keys(WORDS[part]).forEach(function (key) { lang[part][key] = WORDS[part][key]; });
    });
  }
  function init() {
    if (window.CKEDITOR) { window.CKEDITOR.on("instanceReady", translate); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

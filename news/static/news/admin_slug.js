/* Admin: prefill the article's slug from its title with the server's rules
   (core.text.vietnamese_slugify, i.e. Django's slugify after "đ" → "d" and "/" → " "),
   so "12/2026" gives "12-2026" in the browser as on the server. Stops once the editor
   types in the slug field, as Django's own prepopulate does.
   tests/browser/test_admin_editor.py compares both on a list of titles. */
(function () {
  "use strict";
  var MAX_LENGTH = 200;
  function slugify(text) {
    var value = String(text || "").replace(/đ/g, "d").replace(/Đ/g, "D").replace(/\//g, " ");
    // Django: NFKD, then keep ASCII only (combining marks and other letters are dropped).
    value = value.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    value = value.toLowerCase().replace(/[^\w\s-]/g, "");
    value = value.replace(/[-\s]+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
    if (value.length > MAX_LENGTH) {
      // Cut at a hyphen so that no word is split.
      value = value.slice(0, MAX_LENGTH);
      if (value.indexOf("-") !== -1) { value = value.slice(0, value.lastIndexOf("-")); }
      value = value.replace(/^-+|-+$/g, "");
    }
    return value;
  }
  window.newsSlugify = slugify;
  function init() {
    var title = document.getElementById("id_title");
    var slug = document.getElementById("id_slug");
    if (!title || !slug) { return; }
    var touched = slug.value !== "";
    slug.addEventListener("input", function () { touched = slug.value !== ""; });
    ["input", "keyup", "change"].forEach(function (name) {
      title.addEventListener(name, function () {
        if (touched) { return; }
        window.setTimeout(function () { slug.value = slugify(title.value); }, 0);
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

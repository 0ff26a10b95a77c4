/* Admin: prefill the article's slug from its title the way the server does it
   (diacritics removed, "đ" → "d"), instead of Django's "dj". Stops once the editor
   types in the slug field, as Django's own prepopulate does. */
(function () {
  "use strict";
  function slugify(text) {
    return text.replace(/đ/g, "d").replace(/Đ/g, "D")
      .normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^\w\s-]/g, "").trim()
      .replace(/[-\s_]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 200);
  }
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

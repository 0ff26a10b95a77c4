// Run by tests/browser/checkers.py: see LAYOUT_PROBE there.
(() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`sideways scroll: ${document.documentElement.scrollWidth}px > ${window.innerWidth}px`);
  }
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const scrollsSideways = el => {
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll') return true;
    }
    return false;
  };
  // Hidden on purpose but kept for screen readers (the visually-hidden pattern, e.g. a
  // table's header row while the table is shown as cards): not content cut off.
  const screenReaderOnly = el => {
    for (let p = el; p && p !== document.body; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (s.position === 'absolute' && s.clip === 'rect(0px, 0px, 0px, 0px)') return true;
    }
    return false;
  };
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.visually-hidden, .skip-link, script, style, template, [hidden]')) continue;
    if (screenReaderOnly(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.position === 'fixed') continue;
    const own = style.overflowX;
    if ((own === 'auto' || own === 'scroll') && el.scrollWidth > el.clientWidth + 1 &&
        !el.closest('.article-body')) {
      // A box the reader must scroll sideways to see all of (a wide table): columns are
      // off-screen. Editors' own content (.article-body) may do this on purpose.
      problems.push(`needs sideways scrolling: ${name(el)} (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
    if (scrollsSideways(el)) continue;
    if (r.right > width + 1 || r.left < -1) {
      problems.push(`outside the viewport: ${name(el)} (${Math.round(r.left)}–${Math.round(r.right)}px)`);
    } else if ((style.overflowX === 'hidden' || style.overflowX === 'clip') &&
               el.scrollWidth > el.clientWidth + 1 && el.tagName !== 'HTML' && el.tagName !== 'BODY') {
      problems.push(`content cut off: ${name(el)} (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
    if (problems.length >= 10) break;
  }
  return problems;
})

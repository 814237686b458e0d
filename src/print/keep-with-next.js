/*
 * Browser code of the print documents, served as is: what asks to stay with
 * what follows (a heading; a figure's caption or chart: `break-after:
 * avoid` in print.css) is never left alone at the foot of a page.
 *
 * Paged.js honours `break-after: avoid` only when the very block after it
 * is what overflows. When the overflow begins deeper (a theme of the
 * annexe opens with its title, then a section holding a figure whose chart
 * does not fit; or inside the chart's SVG), it breaks there and leaves the
 * title or the caption behind. Here the break moves before them, unless
 * that would empty the page. Registered after paged-breaks.js, whose
 * onOverflow handles tables and AFOM matrices (the last hook to answer wins).
 */
(function () {
  if (!window.Paged) return;

  /** Whether `el` asks to stay with what follows it (Paged.js turns `break-after` into this attribute). */
  function keptWithNext(el) {
    return /^H[1-6]$/.test(el.tagName) || el.getAttribute('data-break-after') === 'avoid';
  }

  /** The element just before `node` in reading order (a previous sibling, or one of an ancestor's), up to `root`; none if text comes first. */
  function elementBefore(node, root) {
    for (var n = node; n && n !== root; n = n.parentNode) {
      for (var p = n.previousSibling; p; p = p.previousSibling) {
        if (p.nodeType === Node.ELEMENT_NODE && getComputedStyle(p).display !== 'none') return p;
        if (p.nodeType === Node.TEXT_NODE && p.data.trim()) return null;
      }
    }
    return null;
  }

  class KeepWithNext extends window.Paged.Handler {
    /** The overflow moved before what must not end the page, or nothing to leave it (Paged.js calls this with no overflow too). */
    onOverflow(overflow, rendered) {
      // A break inside a text splits a paragraph: nothing is left alone.
      if (!overflow || overflow.startContainer.nodeType !== Node.ELEMENT_NODE) return undefined;
      var container = overflow.startContainer;
      var start = container.childNodes[overflow.startOffset] || container;
      // Tables and AFOM matrices are paged-breaks.js's: their breaks move with their own rules.
      if ((start.nodeType === Node.ELEMENT_NODE ? start : container).closest('table, .afom')) return undefined;
      // A drawing does not split: a break inside it is a break before it.
      var drawing = start.nodeType === Node.ELEMENT_NODE ? start.closest('svg') : container.closest('svg');
      while (drawing && drawing.parentElement && drawing.parentElement.closest('svg')) drawing = drawing.parentElement.closest('svg');
      if (drawing && rendered.contains(drawing)) start = drawing;
      var first = null;
      for (var before = elementBefore(start, rendered); before && keptWithNext(before); before = elementBefore(before, rendered)) first = before;
      if (!first || !elementBefore(first, rendered)) return undefined;
      var moved = overflow.cloneRange();
      moved.setStartBefore(first);
      return moved;
    }
  }
  window.Paged.registerHandlers(KeepWithNext);
})();

/*
 * Browser code of the print documents, served as is.
 *
 * - Figures get their number as text ("Figure 3 — "), not from a CSS
 *   counter: a cahier is paginated in parts (scripts/lib/pdf-render.ts), and
 *   a counter would restart in each part.
 * - Links that print a page number (table of contents, :ref, the fiches
 *   table) get a `.renvoi-page` span, filled once the whole document is
 *   laid out. Until then it holds "0000", wider than any real number in
 *   tabular figures, so filling it in never lengthens a line. Paged.js's
 *   own target-counter looks every reference up on every page (quadratic on
 *   long documents), and a number in ::after content made Paged.js split a
 *   link badly at a page end; real text splits like any other.
 * - A reference gives no page when its target is on the page being read or
 *   on the page facing it: pages face in spreads of an even (left) page and
 *   the odd page after it (2–3, 4–5…); page 1 faces none.
 *
 * Where pages break (tables, AFOM matrices) is paged-breaks.js's job.
 * `npm run dev` paginates on load with the handlers below; the PDF build
 * calls `window.cahiersPrint` itself.
 */
(function () {
  var PLACEHOLDER = '0000';
  var PAGE_LINKS = '.sommaire a[href^="#"], a.ref[href^="#"], a[data-renvoi][href^="#"]';
  var FIGURES = 'figure.indicateur > figcaption, figure.carte > figcaption, figure.graphique > figcaption';

  /** Numbers the figures of `root` not numbered yet and sets placeholders on page links. */
  function prepare(root) {
    var numbered = root.querySelectorAll('.figure-num').length;
    root.querySelectorAll(FIGURES).forEach(function (caption) {
      if (caption.querySelector('.figure-num')) return;
      var num = document.createElement('span');
      num.className = 'figure-num';
      num.textContent = 'Figure ' + ++numbered + ' — ';
      // On the title's line: inside the caption's heading when it has one.
      var first = caption.firstElementChild;
      var into = first && /^H[1-6]$/.test(first.tagName) ? first : caption;
      into.insertBefore(num, into.firstChild);
    });
    root.querySelectorAll(PAGE_LINKS).forEach(function (link) {
      // A reference may bring its span, placed where its page goes (before a closing bracket).
      if (!link.querySelector('.renvoi-page')) {
        var num = document.createElement('span');
        num.className = 'renvoi-page';
        link.appendChild(num);
      }
      write(link, PLACEHOLDER);
    });
  }

  /**
   * The table of contents and the fiches table (`data-renvoi="nu"`) print
   * the bare number; a reference inside brackets (`data-renvoi="incise"`)
   * ", p. N"; any other " (p. N)", or nothing when `here`, the page it is
   * read on, is the target's page or faces it.
   */
  function write(link, page, here) {
    var form = link.closest('.sommaire') ? 'nu' : link.getAttribute('data-renvoi');
    var text;
    if (form === 'nu') text = page;
    else if (here && (here === page || facing(Number(here), Number(page)))) text = '';
    else text = form === 'incise' ? ',\u00a0p.\u202f' + page : '\u00a0(p.\u202f' + page + ')';
    link.querySelector('.renvoi-page').textContent = text;
  }

  /** Whether pages `a` and `b` face each other in the open cahier (left pages are even). */
  function facing(a, b) {
    return Math.abs(a - b) === 1 && Math.min(a, b) % 2 === 0;
  }

  /**
   * Sets each page link's number from the laid-out pages, or from
   * `elsewhere` (id → page number) for targets printed in another part of
   * the document; returns the hrefs whose target is missing.
   */
  function fillPageNumbers(doc, elsewhere) {
    var missing = [];
    doc.querySelectorAll(PAGE_LINKS).forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      var target = doc.getElementById(id);
      var page = target && target.closest('.pagedjs_page');
      var number = page ? page.getAttribute('data-page-number') : elsewhere && elsewhere[id] !== undefined ? String(elsewhere[id]) : null;
      var here = link.closest('.pagedjs_page');
      // A link split over two pages has its number in its last part only.
      if (!number) missing.push(link.getAttribute('href'));
      else if (link.querySelector('.renvoi-page')) write(link, number, here && here.getAttribute('data-page-number'));
    });
    return missing;
  }

  window.cahiersPrint = { prepare: prepare, fillPageNumbers: fillPageNumbers };

  if (!window.Paged) return;

  class PrintNumbers extends window.Paged.Handler {
    beforeParsed(content) {
      prepare(content);
    }
    afterRendered() {
      fillPageNumbers(document);
    }
  }

  window.Paged.registerHandlers(PrintNumbers);
})();

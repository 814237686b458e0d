/*
 * Browser code of the print documents, served as is.
 *
 * - Figures get their number as text ("Figure 3 — "), not from a CSS
 *   counter: a cahier is paginated in parts (scripts/lib/pdf-render.ts), and
 *   a counter would restart in each part.
 * - Links that print a page number (table of contents, :ref, fiche cards)
 *   get a `.renvoi-page` span, filled once the whole document is laid out.
 *   Until then it holds "0000", wider than any real number in tabular
 *   figures, so filling it in never lengthens a line. Paged.js's own
 *   target-counter looks every reference up on every page (quadratic on
 *   long documents), and a number in ::after content made Paged.js split a
 *   link badly at a page end; real text splits like any other.
 * - A table split over pages gets its header again, with "(suite)".
 *
 * `npm run dev` paginates on load with the handlers below; the PDF build
 * calls `window.cahiersPrint` itself.
 */
(function () {
  var PLACEHOLDER = '0000';
  var PAGE_LINKS = '.sommaire a[href^="#"], a.ref[href^="#"], .fiche-card-titre a[href^="#"]';
  var FIGURES = 'figure.indicateur > figcaption, figure.carte > figcaption';

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
      if (link.querySelector('.renvoi-page')) return;
      var num = document.createElement('span');
      num.className = 'renvoi-page';
      link.appendChild(num);
      write(link, PLACEHOLDER);
    });
  }

  /** The table of contents prints the bare number; elsewhere " (p. N)". */
  function write(link, page) {
    link.querySelector('.renvoi-page').textContent = link.closest('.sommaire') ? page : ' (p.\u202f' + page + ')';
  }

  /** Sets each page link's number from the laid-out pages; returns the hrefs whose target is missing. */
  function fillPageNumbers(doc) {
    var missing = [];
    doc.querySelectorAll(PAGE_LINKS).forEach(function (link) {
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      var target = doc.getElementById(id);
      var page = target && target.closest('.pagedjs_page');
      // A link split over two pages has its number in its last part only.
      if (!page) missing.push(link.getAttribute('href'));
      else if (link.querySelector('.renvoi-page')) write(link, page.getAttribute('data-page-number'));
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

  class RepeatTableHeader extends window.Paged.Handler {
    afterPageLayout(pageElement) {
      for (const table of pageElement.querySelectorAll('table[data-split-from]')) {
        const ref = table.getAttribute('data-split-from');
        const original = document.querySelector(`table[data-ref="${ref}"]:not([data-split-from])`);
        if (!original) continue;
        const head = original.querySelector('thead');
        if (head && !table.querySelector('thead')) table.insertBefore(head.cloneNode(true), table.firstChild);
        if (!table.querySelector('caption')) {
          const caption = original.querySelector('caption');
          const copy = caption ? caption.cloneNode(true) : document.createElement('caption');
          const suite = document.createElement('span');
          suite.className = 'suite';
          suite.textContent = caption ? ' (suite)' : '(suite)';
          copy.appendChild(suite);
          table.insertBefore(copy, table.firstChild);
        }
      }
    }
  }
  window.Paged.registerHandlers(PrintNumbers, RepeatTableHeader);
})();

/*
 * Where a printed page breaks, beyond what Paged.js does on its own.
 * Browser code, loaded after paged-handlers.js (src/layouts/Print.astro).
 *
 * - A table keeps at least MIN_ROWS body rows on each side of a page break,
 *   and a table of fewer than SPLITTABLE body rows never breaks: it moves
 *   whole to the next page. A row never breaks inside.
 * - An AFOM matrix moves whole to the next page rather than break.
 * - A table continued on a new page gets its header again, under its
 *   caption and « (suite) ». It is put in while the page is laid out, so
 *   that the rows it pushes down go to the next page: put in afterwards, it
 *   pushed the last rows of a full page out of sight.
 *
 * Paged.js 0.4.3 honours `break-inside: avoid` only on a box that starts
 * below the page's end, so the breaks are moved in its onOverflow hook: the
 * overflow it found starts instead before the row, the table or the matrix,
 * and before the headings kept with it (`break-after: avoid`). Never when
 * that would leave the page empty: a box taller than a page still breaks.
 */
(function () {
  var MIN_ROWS = 3;
  var SPLITTABLE = 8;
  var WHOLE = '.afom';

  /**
   * How many body rows of a table stay on the page when a break falls after
   * `before` of them (those of the table on this page) with `after` still to
   * come, out of `total`: `before` when the break may stay, fewer to carry
   * MIN_ROWS over, 0 to move the table whole.
   */
  function rowsToKeep(before, after, total) {
    if (total < SPLITTABLE || before < MIN_ROWS) return 0;
    if (after >= MIN_ROWS) return before;
    var keep = before - (MIN_ROWS - after);
    return keep >= MIN_ROWS ? keep : 0;
  }

  window.cahiersBreaks = { rowsToKeep: rowsToKeep, MIN_ROWS: MIN_ROWS, SPLITTABLE: SPLITTABLE };

  if (!window.Paged) return;

  function bodyRows(table) {
    var rows = [];
    for (var i = 0; i < table.tBodies.length; i++) rows.push.apply(rows, table.tBodies[i].rows);
    return rows;
  }

  /** Each table's body rows numbered (copied with them onto every page): a page holds only some of them. */
  function numberRows(root) {
    root.querySelectorAll('table').forEach(function (table) {
      var rows = bodyRows(table);
      table.setAttribute('data-lignes', String(rows.length));
      rows.forEach(function (row, i) {
        row.setAttribute('data-ligne', String(i));
      });
    });
  }

  /** The node an overflow range starts with. */
  function startOf(range) {
    var container = range.startContainer;
    if (container.nodeType !== Node.ELEMENT_NODE) return container;
    return container.childNodes[range.startOffset] || null;
  }

  /** Where a break falling in `table` (at `el`) goes instead: before a row, before the table, or null when it may stay. */
  function tableBreak(table, el) {
    var total = Number(table.getAttribute('data-lignes'));
    var rows = bodyRows(table);
    if (!rows.length) return table;
    var first = Number(rows[0].getAttribute('data-ligne'));
    var row = el.closest('tr');
    var at;
    if (row && row.hasAttribute('data-ligne')) at = Number(row.getAttribute('data-ligne'));
    else if (el.closest('tfoot')) at = Number(rows[rows.length - 1].getAttribute('data-ligne')) + 1;
    else return table;
    var keep = rowsToKeep(at - first, total - at, total);
    return keep === 0 ? table : rows[keep] || null;
  }

  /** The previous sibling element that takes room on the page, if any. */
  function previousBox(el) {
    for (var s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.getBoundingClientRect().height > 0) return s;
    return null;
  }

  /** `el`, or the box to move with it: the container it opens, the headings that announce it. */
  function withLeaders(el, rendered) {
    for (;;) {
      var previous = previousBox(el);
      if (previous && el.getAttribute('data-previous-break-after') === 'avoid') el = previous;
      else if (!previous && el.parentElement && el.parentElement !== rendered) el = el.parentElement;
      else return el;
    }
  }

  /** Whether anything that takes room precedes `el` on the page. */
  function contentBefore(el, rendered) {
    for (var n = el; n && n !== rendered; n = n.parentNode) {
      for (var s = n.previousSibling; s; s = s.previousSibling) {
        if (s.nodeType === Node.TEXT_NODE ? s.data.trim() : s.nodeType === Node.ELEMENT_NODE && s.getBoundingClientRect().height > 0) return true;
      }
    }
    return false;
  }

  class KeepTogether extends window.Paged.Handler {
    beforeParsed(content) {
      numberRows(content);
    }

    onOverflow(overflow, rendered) {
      var start = overflow && startOf(overflow);
      var el = start && (start.nodeType === Node.ELEMENT_NODE ? start : start.parentElement);
      if (!el || !rendered.contains(el)) return;
      var whole = el.closest(WHOLE);
      var table = el.closest('table[data-lignes]');
      var target = whole && rendered.contains(whole) ? whole : table && rendered.contains(table) ? tableBreak(table, el) : null;
      if (!target) return;
      if (target === table || target === whole) target = withLeaders(target, rendered);
      if (!contentBefore(target, rendered)) return;
      var range = document.createRange();
      range.setStartBefore(target);
      range.setEndAfter(rendered.lastChild);
      return range;
    }

    /** The first node laid out in a continued table brings the table's caption and header. */
    renderNode(clone, node) {
      if (clone.nodeType !== Node.ELEMENT_NODE) return;
      var table = clone.closest('table[data-split-from]');
      if (!table || table.hasAttribute('data-suite')) return;
      table.setAttribute('data-suite', '');
      var source = node.closest('table');
      var head = source && source.querySelector(':scope > thead');
      var caption = source && source.querySelector(':scope > caption');
      if (head) table.insertBefore(copy(head), table.firstChild);
      var suite = document.createElement('span');
      suite.className = 'suite';
      suite.textContent = caption ? ' (suite)' : '(suite)';
      var title = caption ? copy(caption) : document.createElement('caption');
      title.appendChild(suite);
      table.insertBefore(title, table.firstChild);
    }
  }

  /** A copy that Paged.js will not take for the original (no data-ref). */
  function copy(el) {
    var c = el.cloneNode(true);
    c.removeAttribute('data-ref');
    c.querySelectorAll('[data-ref]').forEach(function (e) {
      e.removeAttribute('data-ref');
    });
    return c;
  }

  window.Paged.registerHandlers(KeepTogether);
})();

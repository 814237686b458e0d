/*
 * Browser code of the print documents, served as is: an AFOM matrix in a
 * text (a chapter, a quartier's portrait) placed as a print designer places
 * a figure. It never splits (paged-breaks.js moves it whole, with the
 * headings that announce it, to the next page), which could leave a page
 * half empty. So, when Paged.js reaches a matrix:
 *
 * - if it does not fit in the room left, it is set a step or two tighter
 *   when that lets it fit (print.css, `.afom[data-serrage]`: its text never
 *   under 9 pt);
 * - else, if that room is a large part of the page, the paragraphs and
 *   lists that follow it in its section flow up before it, one at a time,
 *   while the room lasts: the matrix, its title with it, goes after them,
 *   at the top of the next page. Never past a heading, a figure or a table:
 *   the section's text stays under its heading;
 * - if it fits but the last lines of its section would then spill onto a
 *   page of their own, it is tightened when that keeps them on this page.
 *
 * At fit time (src/print/fit.js) each matrix is measured at each step,
 * with its headings and with what follows it, and an empty marker
 * (`.afom-ancre`) put before it and its headings carries the heights. At
 * layout time, Paged.js renders the marker where the matrix would start,
 * which gives the room left, and the decision is taken before the matrix
 * is laid out, on the source: the matrix's `data-serrage`, or the matrix
 * moved after the next block with a new marker before it, decided on when
 * Paged.js reaches it in turn. The matrices of the AFOM part are
 * afoms.js's; a fiche fits its page by fiches.js.
 */
(function () {
  /** Tightening steps print.css defines for `.afom[data-serrage]`. */
  var STEPS = 2;
  /** Height kept free for what measuring outside Paged.js cannot see, in CSS pixels (about 2 mm). */
  var SLACK = 8;
  /** Room left on a page, as a share of it, past which text flows up before a matrix that does not fit. */
  var GAP = 0.25;
  var FLOWING = /^(P|UL|OL|DL|BLOCKQUOTE)$/;
  var FORCED = /^(page|left|right|recto|verso|always)$/;

  function setLevel(el, level) {
    if (level > 0) el.setAttribute('data-serrage', String(level));
    else el.removeAttribute('data-serrage');
  }

  /** The matrices this module places: in a text, not in the AFOM part nor in a fiche. */
  function matrices(doc) {
    return Array.from(doc.querySelectorAll('.afom:not([data-place])')).filter(function (m) {
      return !m.closest('.afom-page, .fiche-projet') && m.parentElement;
    });
  }

  /** The headings (what asks to stay with what follows) just before `m`, in order. */
  function leaders(m) {
    var found = [];
    for (var p = m.previousElementSibling; p && (/^H[1-6]$/.test(p.tagName) || getComputedStyle(p).breakAfter === 'avoid'); p = p.previousElementSibling) found.unshift(p);
    return found;
  }

  /** Whether a page break comes right after `el` (the next chapter, portrait, part…), or nothing does. */
  function endsFlow(el) {
    for (var n = el; n && n !== n.ownerDocument.body; n = n.parentElement) {
      var next = n.nextElementSibling;
      if (next) return FORCED.test(getComputedStyle(next).breakBefore) || FORCED.test(getComputedStyle(n).breakAfter);
    }
    return true;
  }

  /** Heights at a step: of the headings and the matrix, of the matrix alone, of them and the rest of the section. */
  function heights(measure, parent, heads, m, tail, level) {
    var shell = parent.cloneNode(false);
    shell.removeAttribute('id');
    var copies = heads.concat([m], tail).map(function (el) {
      return el.cloneNode(true);
    });
    var copy = copies[heads.length];
    setLevel(copy, level);
    copies.forEach(function (c) {
      shell.appendChild(c);
    });
    measure.box.replaceChildren(shell);
    var top = measure.box.getBoundingClientRect().top;
    var avec = copy.getBoundingClientRect().bottom - top;
    var suite = measure.height();
    var seule = measure.place(copy).getBoundingClientRect().bottom - measure.box.getBoundingClientRect().top;
    return { avec: avec, seule: seule, suite: suite };
  }

  window.cahiersFit.register(function (doc, measuring) {
    var found = matrices(doc);
    if (found.length === 0) return;
    var measure = measuring();
    found.forEach(function (m) {
      var heads = leaders(m);
      var tail = [];
      for (var n = m.nextElementSibling; n; n = n.nextElementSibling) tail.push(n);
      var steps = [];
      for (var level = 0; level <= STEPS; level++) steps.push(heights(measure, m.parentElement, heads, m, tail, level));
      var marker = doc.createElement('div');
      marker.className = 'afom-ancre';
      var list = function (key) {
        return steps.map(function (s) {
          return Math.ceil(s[key]);
        }).join(' ');
      };
      marker.setAttribute('data-avec', list('avec'));
      marker.setAttribute('data-seule', list('seule'));
      // What follows matters only when nothing else comes on its last page.
      if (tail.length && endsFlow(m.parentElement)) marker.setAttribute('data-suite', list('suite'));
      m.parentElement.insertBefore(marker, heads[0] || m);
      m.setAttribute('data-place', '');
    });
  });

  if (!window.Paged) return;

  var numbers = function (marker, key) {
    var value = marker.getAttribute(key);
    return value ? value.split(' ').map(Number) : null;
  };

  /** What to do with the matrix after `marker`, given the room left on the page (`free`) and the page's height. */
  function decide(marker, free, page) {
    var alone = marker.hasAttribute('data-seule-ici');
    var need = numbers(marker, alone ? 'data-seule' : 'data-avec');
    var suite = alone ? null : numbers(marker, 'data-suite');
    var fits = function (h) {
      return h <= free - SLACK;
    };
    var level;
    // The matrix and the rest of its section on this page, at the smallest step that holds them; else the matrix alone.
    if (suite) for (level = 0; level <= STEPS; level++) if (fits(need[level]) && fits(suite[level])) return { level: level };
    for (level = 0; level <= STEPS; level++) if (fits(need[level])) return { level: level };
    if (free >= GAP * page && need[0] <= page - SLACK) return { defer: true };
    return { level: 0 };
  }

  /** The source matrix a marker announces: the first `.afom` after it among its siblings. */
  function matrixAfter(marker) {
    for (var n = marker.nextElementSibling; n; n = n.nextElementSibling) if (n.classList.contains('afom')) return n;
    return null;
  }

  var moves = 0;

  /** Moves matrix `m` after the paragraph or list that follows it, with a new marker; false when none does. */
  function defer(marker, m) {
    var next = m.nextElementSibling;
    if (!next || !FLOWING.test(next.tagName)) return false;
    var again = marker.cloneNode(false);
    again.setAttribute('data-ref', (marker.getAttribute('data-ref') || 'afom-ancre') + '-' + ++moves);
    again.setAttribute('data-seule-ici', '');
    // The headings left behind now stay with the text that follows them.
    var kept = m.getAttribute('data-previous-break-after');
    if (kept) next.setAttribute('data-previous-break-after', kept);
    m.removeAttribute('data-previous-break-after');
    var parent = m.parentNode;
    parent.insertBefore(again, next.nextSibling);
    parent.insertBefore(m, again.nextSibling);
    return true;
  }

  class MatrixPlacement extends window.Paged.Handler {
    renderNode(clone, node, layout) {
      if (node.nodeType !== Node.ELEMENT_NODE || !node.classList.contains('afom-ancre') || !layout || !layout.bounds) return;
      var m = matrixAfter(node);
      if (!m) return;
      var bounds = layout.bounds;
      var choice = decide(node, bounds.bottom - clone.getBoundingClientRect().top, bounds.height);
      if (choice.defer && defer(node, m)) return;
      setLevel(m, choice.level || 0);
    }
  }

  window.Paged.registerHandlers(MatrixPlacement);
})();

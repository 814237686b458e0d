/*
 * Browser code of the print documents, served as is: each fiche projet
 * fitted to its page, measured before Paged.js lays the document out.
 *
 * A fiche (`.fiche-projet`) is laid out off screen at the width of the
 * page's content area and measured. One that would overflow its page is
 * tightened a step at a time (`data-serrage` 1 to LEVELS: smaller type and
 * spacing, print.css, body text never under 9 pt). One that still does not
 * fit becomes a two-page spread opening on a left-hand page
 * (`data-pages="2"`) whose second page holds at least a third of a page,
 * broken before a heading if it can (`.fiche-saut`); a fiche longer
 * than two pages opens on a left-hand page and flows (`data-pages="n"`).
 *
 * The PDF build calls `cahiersFiches.fit` on the whole document before
 * cutting it into parts (scripts/lib/pdf-parts.browser.js): where a fiche
 * starts decides where parts may begin. `npm run dev` fits the fiches just
 * before Paged.js paginates. A fiche fitted once keeps its attributes.
 */
(function () {
  /** The tightening steps print.css defines (.fiche-projet[data-serrage]). */
  var LEVELS = 3;
  /** Height kept free on a page for what measuring outside Paged.js cannot see, in CSS pixels (about 2 mm). */
  var SLACK = 8;
  /** What a page broken by Paged.js may leave unfilled at its foot, in CSS pixels (about four lines). */
  var LOST = 60;
  /** The page sizes CSS names (`@page { size: A4 }`), portrait. */
  var SIZES = { a5: ['148mm', '210mm'], a4: ['210mm', '297mm'], a3: ['297mm', '420mm'], b5: ['176mm', '250mm'], b4: ['250mm', '353mm'], letter: ['8.5in', '11in'], legal: ['8.5in', '14in'], ledger: ['11in', '17in'] };

  /** The page's size and margins as the document's unnamed `@page` rules set them (later rules win). */
  function pageRule(doc) {
    var found = { size: '', 'margin-top': '0', 'margin-right': '0', 'margin-bottom': '0', 'margin-left': '0' };
    var visit = function (rules) {
      Array.from(rules).forEach(function (rule) {
        if (rule.cssRules && !(rule instanceof CSSPageRule)) visit(rule.cssRules);
        if (!(rule instanceof CSSPageRule) || rule.selectorText !== '') return;
        Object.keys(found).forEach(function (name) {
          var value = rule.style.getPropertyValue(name);
          if (value) found[name] = value;
        });
      });
    };
    Array.from(doc.styleSheets).forEach(function (sheet) {
      try {
        visit(sheet.cssRules);
      } catch (e) {
        // A sheet of another origin cannot be read; the print pages have none.
      }
    });
    return found;
  }

  /** Width and height of the page's content area, in CSS pixels. */
  function pageArea(doc) {
    var rule = pageRule(doc);
    var words = rule.size.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var named = words.map(function (w) {
      return SIZES[w];
    }).find(Boolean);
    var lengths = words.filter(function (w) {
      return /^[\d.]/.test(w);
    });
    // Paged.js's default when no size is given: US letter.
    var size = named || (lengths.length ? [lengths[0], lengths[1] || lengths[0]] : SIZES.letter);
    if (words.indexOf('landscape') >= 0) size = [size[1], size[0]];
    var probe = doc.createElement('div');
    probe.style.cssText = 'position:absolute;visibility:hidden;width:calc(' + size[0] + ' - ' + rule['margin-left'] + ' - ' + rule['margin-right'] + ');height:calc(' + size[1] + ' - ' + rule['margin-top'] + ' - ' + rule['margin-bottom'] + ')';
    doc.body.appendChild(probe);
    var box = probe.getBoundingClientRect();
    probe.remove();
    return { width: box.width, height: box.height };
  }

  function setLevel(el, level) {
    if (level > 0) el.setAttribute('data-serrage', String(level));
    else el.removeAttribute('data-serrage');
  }

  /**
   * Where to break a fiche of height `total` over two pages of height
   * `page`: the index of the child to start the second page with (0: let
   * Paged.js break where the first page is full), or -1 when it cannot be
   * done. Both pages must hold their share, the second at least a third of
   * a page. Best before a heading that leaves the first page two-thirds
   * full; else where the first page fills up, if that leaves the second
   * page its third; else before the last block that does.
   */
  function cutPoint(clone, box, page, total) {
    var top = box.getBoundingClientRect().top;
    var heading = -1;
    var block = -1;
    Array.from(clone.children).forEach(function (child, i) {
      if (i === 0) return;
      var at = child.getBoundingClientRect().top - top;
      var before = at - (parseFloat(getComputedStyle(child).marginTop) || 0);
      var after = total - at;
      if (before > page - SLACK || after > page - SLACK || after < page / 3 + SLACK) return;
      block = i;
      // Before a heading, so long as the first page stays two-thirds full.
      if (/^H[1-6]$/.test(child.tagName) && before >= (2 * page) / 3) heading = i;
    });
    if (heading > 0) return heading;
    // A page broken by Paged.js may end a few lines short (widows, orphans, a table row that does not split).
    if (total - page >= page / 3 + LOST && total <= 2 * page - LOST) return 0;
    return block;
  }

  /** How a fiche fits: on one page or two, at which tightening, broken where. */
  function plan(clone, box, page) {
    for (var pages = 1; pages <= 2; pages++) {
      for (var level = 0; level <= LEVELS; level++) {
        setLevel(clone, level);
        var total = box.getBoundingClientRect().height;
        if (pages === 1 && total <= page - SLACK) return { pages: '1', level: level, cut: -1 };
        var cut = pages === 2 && total <= 2 * page ? cutPoint(clone, box, page, total) : -1;
        if (cut >= 0) return { pages: '2', level: level, cut: cut };
      }
    }
    return { pages: 'n', level: 0, cut: -1 };
  }

  /** Fits every fiche of `doc` not fitted yet. */
  function fit(doc) {
    var fiches = Array.from(doc.querySelectorAll('.fiche-projet:not([data-pages])'));
    if (fiches.length === 0) return;
    var area = pageArea(doc);
    var box = doc.createElement('div');
    // A block formatting context of its own: the margins of the fiche's first and last blocks count in its height.
    box.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;display:flow-root;contain:layout style;width:' + area.width + 'px';
    doc.body.appendChild(box);
    fiches.forEach(function (fiche) {
      var clone = fiche.cloneNode(true);
      box.replaceChildren(clone);
      var how = plan(clone, box, area.height);
      fiche.setAttribute('data-pages', how.pages);
      setLevel(fiche, how.level);
      if (how.cut > 0) fiche.children[how.cut].classList.add('fiche-saut');
    });
    box.remove();
  }

  window.cahiersFiches = { fit: fit, pageArea: pageArea };

  // In `npm run dev`: just before Paged.js paginates, with the fonts loaded
  // and the page numbers' placeholders in (they take room in the text).
  var previewer = window.PagedPolyfill;
  if (previewer && previewer.hooks) {
    previewer.hooks.beforePreview.register(function () {
      return document.fonts.ready.then(function () {
        if (window.cahiersPrint) window.cahiersPrint.prepare(document.body);
        fit(document);
      });
    });
  }
})();

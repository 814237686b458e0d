/*
 * Browser code of the print documents, served as is: each fiche projet
 * fitted to its page (src/print/fit.js measures, before pagination).
 *
 * A fiche (`.fiche-projet`) that would overflow its page is tightened a
 * step at a time (`data-serrage` 1 to LEVELS: smaller type and spacing,
 * print.css, body text never under 9 pt). One that still does not fit
 * becomes a two-page spread opening on a left-hand page (`data-pages="2"`)
 * whose second page holds at least a third of a page, broken before a
 * heading if it can (`.fiche-saut`); a fiche longer than two pages opens on
 * a left-hand page and flows (`data-pages="n"`).
 */
(function () {
  /** The tightening steps print.css defines (.fiche-projet[data-serrage]). */
  var LEVELS = 3;
  /** Height kept free on a page for what measuring outside Paged.js cannot see, in CSS pixels (about 2 mm). */
  var SLACK = 8;
  /** What a page broken by Paged.js may leave unfilled at its foot, in CSS pixels (about four lines). */
  var LOST = 60;

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
  function cutPoint(copy, top, page, total) {
    var heading = -1;
    var block = -1;
    Array.from(copy.children).forEach(function (child, i) {
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
  function plan(copy, measure) {
    var page = measure.page;
    for (var pages = 1; pages <= 2; pages++) {
      for (var level = 0; level <= LEVELS; level++) {
        setLevel(copy, level);
        var total = measure.height();
        if (pages === 1 && total <= page - SLACK) return { pages: '1', level: level, cut: -1 };
        var cut = pages === 2 && total <= 2 * page ? cutPoint(copy, measure.box.getBoundingClientRect().top, page, total) : -1;
        if (cut >= 0) return { pages: '2', level: level, cut: cut };
      }
    }
    return { pages: 'n', level: 0, cut: -1 };
  }

  window.cahiersFit.register(function (doc, measuring) {
    var fiches = Array.from(doc.querySelectorAll('.fiche-projet:not([data-pages])'));
    if (fiches.length === 0) return;
    var measure = measuring();
    fiches.forEach(function (fiche) {
      var how = plan(measure.place(fiche), measure);
      fiche.setAttribute('data-pages', how.pages);
      setLevel(fiche, how.level);
      if (how.cut > 0) fiche.children[how.cut].classList.add('fiche-saut');
    });
  });
})();

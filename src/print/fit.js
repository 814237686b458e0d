/*
 * Browser code of the print documents, served as is: what must fit the
 * page is measured before Paged.js lays the document out, and adjusted.
 *
 * Each fitter (src/print/fiches.js, src/print/afoms.js) registers here. It
 * lays a copy of the blocks it fits out off screen, at the width of the
 * page's content area, measures them, and sets attributes on the originals
 * that print.css reads (tighter type and spacing, where the page breaks).
 * A block fitted once keeps its attributes, so fitting again does nothing.
 *
 * The PDF build fits the whole document before cutting it into parts
 * (scripts/lib/pdf-parts.browser.js): where a block starts decides where
 * parts may begin. `npm run dev` fits just before Paged.js paginates.
 */
(function () {
  /** The page sizes CSS names (`@page { size: A4 }`), portrait. */
  var SIZES = { a5: ['148mm', '210mm'], a4: ['210mm', '297mm'], a3: ['297mm', '420mm'], b5: ['176mm', '250mm'], b4: ['250mm', '353mm'], letter: ['8.5in', '11in'], legal: ['8.5in', '14in'], ledger: ['11in', '17in'] };
  var fitters = [];

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

  /**
   * A place off screen, as wide as the page's content area, to lay copies
   * out and measure them: `place(el)` puts a copy of `el` there (alone) and
   * returns it, `height()` is the height of what is there.
   */
  function measuring(doc) {
    var area = pageArea(doc);
    var box = doc.createElement('div');
    // A block formatting context of its own: the margins of the first and last blocks count in its height.
    box.style.cssText = 'position:absolute;left:0;top:0;visibility:hidden;display:flow-root;contain:layout style;width:' + area.width + 'px';
    doc.body.appendChild(box);
    return {
      page: area.height,
      box: box,
      place: function (el) {
        var copy = el.cloneNode(true);
        box.replaceChildren(copy);
        return copy;
      },
      height: function () {
        return box.getBoundingClientRect().height;
      },
      done: function () {
        box.remove();
      },
    };
  }

  /** Runs every fitter on `doc`. */
  function fit(doc) {
    var measure = null;
    fitters.forEach(function (fitter) {
      fitter(doc, function () {
        return measure || (measure = measuring(doc));
      });
    });
    if (measure) measure.done();
  }

  window.cahiersFit = {
    fit: fit,
    pageArea: pageArea,
    /** `fitter(doc, measure)`: `measure()` gives the measuring place, set up on first use. */
    register: function (fitter) {
      fitters.push(fitter);
    },
  };

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

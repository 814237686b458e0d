/*
 * Browser side of the paginate-in-parts driver (scripts/lib/pdf-render.ts),
 * injected into the print pages with addInitScript. Plain JavaScript: it
 * runs in Chromium as written.
 */
(function () {
  /*
   * The elements print.css takes running heads from (string-set). A part
   * paginated on its own carries hidden copies of the last ones before it,
   * so that its pages keep the right running heads.
   */
  var CARRIED = ['.cahier-nom', 'h1'];

  /** The document cut into top-level blocks, each with what a part opening with it must carry. */
  function describe() {
    window.cahiersPrint.prepare(document.body);
    // Where a fiche starts (a new page, or a left-hand one for a spread) depends on its fitting (src/print/fit.js).
    window.cahiersFit.fit(document);
    var blocks = [];
    var last = {};
    var previous = null;
    for (var el of Array.from(document.body.children)) {
      var style = getComputedStyle(el);
      var html = el.outerHTML;
      var shallow = el.cloneNode(false).outerHTML;
      var close = shallow.lastIndexOf('</');
      blocks.push({
        html: html,
        // Where the carried copies go: inside the block, so they cannot make a page of their own.
        openTag: close > 0 ? close : 0,
        start: startOf(style, previous),
        weight: html.length,
        carried: carried(el, last),
      });
      CARRIED.forEach(function (selector) {
        var found = el.matches(selector) ? [el] : el.querySelectorAll(selector);
        if (found.length) last[selector] = found[found.length - 1];
      });
      previous = { style: style, page: style.page };
    }
    var root = document.documentElement.cloneNode(false);
    var body = document.body.cloneNode(false);
    return {
      open: '<!doctype html>' + root.outerHTML.replace(/<\/html>$/, ''),
      head: document.head.outerHTML,
      body: body.outerHTML.replace(/<\/body>$/, ''),
      blocks: blocks,
    };
  }

  /** Hidden copies of the last running-head elements, but of none the block itself opens with. */
  function carried(el, last) {
    return CARRIED.map(function (selector) {
      var own = el.matches(selector) || (el.firstElementChild !== null && el.firstElementChild.matches(selector));
      if (own || !last[selector]) return '';
      var copy = last[selector].cloneNode(true);
      copy.removeAttribute('id');
      copy.querySelectorAll('[id]').forEach(function (e) {
        e.removeAttribute('id');
      });
      copy.classList.add('report-courant');
      return copy.outerHTML;
    }).join('');
  }

  /** How a block starts: a right-hand page, a left-hand page, a new page, or in the flow. */
  function startOf(style, previous) {
    var before = style.breakBefore;
    var after = previous ? previous.style.breakAfter : 'auto';
    if (before === 'right' || before === 'recto' || after === 'right' || after === 'recto') return 'right';
    if (before === 'left' || before === 'verso' || after === 'left' || after === 'verso') return 'left';
    if (before === 'page' || after === 'page' || before === 'always' || after === 'always') return 'page';
    // A change of named page (@page couverture, paysage…) breaks the page too.
    if (previous && previous.page !== style.page) return 'page';
    return 'none';
  }

  /*
   * Before Paged.js lays a document out: each page laid out is told to the
   * build (which waits on this progress, not on a fixed timeout) and, with
   * `hide`, the page before it is hidden (content-visibility), so that the
   * browser does not style and lay out again the pages already done each
   * time Paged.js measures the new one — the main cost of a long part.
   * Undone before the pages are taken.
   */
  function watchPages(hide) {
    class WatchPages extends window.Paged.Handler {
      afterPageLayout(page) {
        if (window.cahiersPageDone) window.cahiersPageDone();
        var previous = page.previousElementSibling;
        if (hide && previous) previous.style.contentVisibility = 'hidden';
      }
    }
    window.Paged.registerHandlers(WatchPages);
  }

  /**
   * After Paged.js laid a part out: its pages, as HTML (without the first,
   * with `dropFirst`: the empty page before a left-hand start); the page
   * each id is on (0-based, in the part), for page numbers and links
   * across parts; the ids its links point to.
   */
  function pagesOfPart(dropFirst) {
    var pages = Array.from(document.querySelectorAll('.pagedjs_pages > .pagedjs_page'));
    if (dropFirst) pages.shift();
    var anchors = {};
    var refs = {};
    pages.forEach(function (page, i) {
      page.style.removeProperty('content-visibility');
      closeStrings(page);
      slim(page);
      page.querySelectorAll('.pagedjs_page_content [id]').forEach(function (e) {
        if (!(e.id in anchors)) anchors[e.id] = i;
      });
      page.querySelectorAll('a[href^="#"]').forEach(function (a) {
        refs[decodeURIComponent(a.getAttribute('href').slice(1))] = true;
      });
    });
    return {
      pages: pages.map(function (p) {
        return p.outerHTML;
      }),
      anchors: anchors,
      refs: Object.keys(refs),
    };
  }

  /*
   * What only served the layout, dropped to lighten the parts' print pages
   * and what the cache keeps: the ids Paged.js
   * gave every element to follow it across pages, and the blank text
   * between the boxes of its page frame.
   */
  function slim(page) {
    page.querySelectorAll('[data-ref]').forEach(function (e) {
      e.removeAttribute('data-ref');
    });
    // The frame only: the page's content is not walked into.
    var frame = document.createTreeWalker(page, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (node.nodeType === Node.ELEMENT_NODE) return node.classList.contains('pagedjs_page_content') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
        return node.data.trim() ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
      },
    });
    var blanks = [];
    while (frame.nextNode()) blanks.push(frame.currentNode);
    blanks.forEach(function (node) {
      node.remove();
    });
  }

  /*
   * Paged.js sets running strings as custom properties holding an
   * unterminated CSS string ("Title), harmless through setProperty but not
   * once written into a style attribute and read back: close them.
   */
  function closeStrings(page) {
    var style = page.style;
    for (var i = 0; i < style.length; i++) {
      var name = style[i];
      if (name.indexOf('--pagedjs-string-') !== 0) continue;
      var value = style.getPropertyValue(name).trim();
      var quotes = (value.replace(/\\./g, '').match(/"/g) || []).length;
      if (quotes % 2 === 1) style.setProperty(name, value + '"');
    }
  }

  /** The head Paged.js left (its page styles), without scripts: a part's print page must not paginate again. */
  function pagedHead() {
    // Paged.js adds many of its rules through the CSSOM (insertRule), which
    // the markup of a <style> does not show: write each sheet out from its rules.
    var live = Array.from(document.head.querySelectorAll('style'));
    var head = document.head.cloneNode(true);
    Array.from(head.querySelectorAll('style')).forEach(function (style, i) {
      var sheet = live[i].sheet;
      if (sheet) style.textContent = Array.from(sheet.cssRules).map(function (r) {
        return r.cssText;
      }).join('\n');
    });
    head.querySelectorAll('script').forEach(function (s) {
      s.remove();
    });
    // Paged.js made the styles' URLs absolute, with the print server's port:
    // without it, a head kept in the cache (scripts/lib/pdf-cache.ts) still
    // finds its fonts in the next build.
    return head.outerHTML.split(location.origin + '/').join('/');
  }

  /*
   * A part's pages, alone in a print document: blank page before it when it
   * must begin on the other side, page numbers and sides counted over the
   * whole document (its first page is number `first`, of `total`), then the
   * page numbers of its table of contents and references, those whose target
   * is in another part from `elsewhere` (id → page number). A link whose
   * target is in another part points to an empty anchor added at the end
   * (Chromium prints no link to an absent target); the PDF merge
   * (scripts/lib/pdf-merge.ts) points it to the real one. `targets`: its
   * ids that other parts link to.
   */
  function numberPart(numbering) {
    var area = document.querySelector('.pagedjs_pages');
    var first = numbering.first;
    if (numbering.blankBefore) {
      // A copy of the page it precedes, emptied: same page size and style, as Paged.js's own blank pages.
      var blank = area.firstElementChild.cloneNode(true);
      blank.querySelector('.pagedjs_page_content').replaceChildren();
      blank.classList.add('pagedjs_blank_page');
      area.insertBefore(blank, area.firstElementChild);
      first--;
    }
    var pages = Array.from(area.children);
    pages.forEach(function (page, i) {
      var n = first + i;
      page.id = 'page-' + n;
      page.setAttribute('data-page-number', String(n));
      page.classList.toggle('pagedjs_first_page', n === 1);
      page.classList.toggle('pagedjs_right_page', n % 2 === 1);
      page.classList.toggle('pagedjs_left_page', n % 2 === 0);
    });
    // The folios' CSS counter: the first page counts from where the part begins.
    if (pages.length) pages[0].style.setProperty('--pagedjs-page-counter-increment', String(first));
    area.style.setProperty('--pagedjs-page-count', String(numbering.total));
    var missing = window.cahiersPrint.fillPageNumbers(document, numbering.elsewhere);
    var placeholders = [];
    var holder = document.createElement('div');
    holder.style.cssText = 'position:absolute;width:0;height:0;overflow:hidden';
    document.querySelectorAll('a[href^="#"]').forEach(function (a) {
      var id = decodeURIComponent(a.getAttribute('href').slice(1));
      if (document.getElementById(id) || !(id in numbering.elsewhere)) return;
      var anchor = document.createElement('span');
      anchor.id = id;
      holder.appendChild(anchor);
      placeholders.push(id);
    });
    if (placeholders.length && pages.length) pages[pages.length - 1].querySelector('.pagedjs_page_content').appendChild(holder);
    // Chromium writes the destination of an element only if a link of the
    // document points to it: hidden links for those only other parts point to.
    var linked = document.createElement('div');
    linked.hidden = true;
    numbering.targets.forEach(function (id) {
      var link = document.createElement('a');
      link.href = '#' + encodeURIComponent(id);
      linked.appendChild(link);
    });
    document.body.appendChild(linked);
    var landscape = [];
    pages.forEach(function (page, i) {
      if (page.querySelector('[data-paysage]')) landscape.push(first - 1 + i);
    });
    // The headings a reader sees, in order, with their level: the merged document's bookmarks are nested by them.
    var headings = Array.from(document.querySelectorAll('h1, h2, h3, h4, h5, h6'))
      .filter(function (h) {
        return h.getClientRects().length > 0;
      })
      .map(function (h) {
        return { level: Number(h.tagName.slice(1)), text: h.innerText };
      });
    return { pages: pages.length, landscape: landscape, missing: missing, placeholders: placeholders, headings: headings };
  }

  window.cahiersParts = { describe: describe, watchPages: watchPages, pagesOfPart: pagesOfPart, pagedHead: pagedHead, numberPart: numberPart };
})();

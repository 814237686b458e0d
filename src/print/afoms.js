/*
 * Browser code of the print documents, served as is: the matrices of the
 * AFOM part fitted to their pages (src/print/fit.js measures, before pagination).
 *
 * The matrices of the part (`.afom-page`, one after another) follow its
 * opening and are never split: one that does not fit where the previous
 * one ends goes to the next page, which may leave that page half empty.
 * When setting every matrix of the part a step tighter (`data-serrage="1"`,
 * print.css) leaves fewer pages under half full (the last aside), or as
 * many but fewer pages, they all are: one size of type across the part.
 */
(function () {
  /** Height kept free on a page for what measuring outside Paged.js cannot see, in CSS pixels (about 2 mm). */
  var SLACK = 8;

  /** The runs of matrices not fitted yet: consecutive `.afom-page` siblings. */
  function runs(doc) {
    var found = [];
    Array.from(doc.querySelectorAll('.afom-page:not([data-serrage])')).forEach(function (el) {
      var last = found[found.length - 1];
      if (last && last[last.length - 1] === el.previousElementSibling) last.push(el);
      else found.push([el]);
    });
    return found;
  }

  /**
   * How blocks laid one after another fill pages of height `page`, the
   * first page already filled to `start`: how many pages, and how many of
   * them (the last aside) are under half full.
   */
  function lay(start, blocks, page) {
    var fills = [];
    var y = start;
    blocks.forEach(function (b) {
      var need = (y > 0 ? b.margin : 0) + b.height;
      if (y > 0 && y + need > page - SLACK) {
        fills.push(y / page);
        // Paged.js keeps a block's top margin at the top of a page.
        y = b.margin + b.height;
      } else y += need;
    });
    fills.push(y / page);
    return {
      pages: fills.length,
      halfEmpty: fills.slice(0, -1).filter(function (f) {
        return f < 0.5;
      }).length,
    };
  }

  window.cahiersFit.register(function (doc, measuring) {
    runs(doc).forEach(function (run) {
      var measure = measuring();
      var opening = run[0].previousElementSibling;
      var start = opening ? (measure.place(opening), measure.height()) : 0;
      var at = function (level) {
        var blocks = run.map(function (el) {
          var copy = measure.place(el);
          copy.setAttribute('data-serrage', String(level));
          return { height: measure.height(), margin: parseFloat(getComputedStyle(el).marginTop) || 0 };
        });
        return lay(start, blocks, measure.page);
      };
      var loose = at(0);
      var tight = at(1);
      var better = tight.halfEmpty < loose.halfEmpty || (tight.halfEmpty === loose.halfEmpty && tight.pages < loose.pages);
      run.forEach(function (el) {
        el.setAttribute('data-serrage', better ? '1' : '0');
      });
    });
  });
})();

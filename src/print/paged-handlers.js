/*
 * Paged.js handlers for the print documents (browser code, served as is).
 * A table split over pages gets its header again, with "(suite)".
 */
(function () {
  if (!window.Paged) return;
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
  window.Paged.registerHandlers(RepeatTableHeader);
})();

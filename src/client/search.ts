/**
 * Instant search on /search/ with Pagefind's UI, over the index built with the site. The plain form
 * (which works without JavaScript) gives way to it, and a query in the address (?q=SMIC, from the
 * form or a link) is searched at once.
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
declare global {
  interface Window {
    PagefindUI?: new (options: Record<string, unknown>) => PagefindUIInstance;
  }
}

const root = document.getElementById('search');
const form = document.getElementById('search-form');
if (root && window.PagefindUI) {
  const ui = new window.PagefindUI({
    element: '#search',
    bundlePath: root.dataset.bundle,
    baseUrl: root.dataset.base,
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    autofocus: true,
    translations: { placeholder: 'SMIC, 00981, semiconductors' },
  });
  if (form) form.hidden = true;
  // Pagefind labels its field with a title only; tie it to a visible label instead.
  const label = document.getElementById('search-label');
  if (label) {
    label.hidden = false;
    const labelInput = () => {
      const input = root.querySelector('input');
      if (!input) return false;
      input.setAttribute('aria-labelledby', label.id);
      input.removeAttribute('title');
      return true;
    };
    if (!labelInput()) {
      const observer = new MutationObserver(() => labelInput() && observer.disconnect());
      observer.observe(root, { childList: true, subtree: true });
    }
  }
  const query = new URLSearchParams(window.location.search).get('q');
  if (query) ui.triggerSearch(query);
}

export {};

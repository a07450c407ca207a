// Starts the Pagefind UI on the search page (the only JavaScript the site needs); result links honour the base path.
window.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('search');
  if (!el || !window.PagefindUI) return;
  new window.PagefindUI({ element: '#search', showSubResults: true, showImages: false, baseUrl: el.getAttribute('data-base-url') || '/' });
  var params = new URLSearchParams(window.location.search);
  var q = params.get('q');
  if (q) {
    var input = el.querySelector('input');
    if (input) { input.value = q; input.dispatchEvent(new Event('input', { bubbles: true })); }
  }
});

// Starts the Pagefind UI on the search page (the only JavaScript the site needs) over every shard of the index
// (pagefind/shards.json lists them); result links honour the base path.
window.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('search');
  if (!el || !window.PagefindUI) return;
  var base = el.getAttribute('data-base-url') || '/';
  var start = function (bundles) {
    var merged = bundles.map(function (b) { return { bundlePath: base + 'pagefind/' + b, baseUrl: base }; });
    new window.PagefindUI({ element: '#search', showSubResults: true, showImages: false, baseUrl: base, mergeIndex: merged });
    var q = new URLSearchParams(window.location.search).get('q');
    var input = q && el.querySelector('input');
    if (input) { input.value = q; input.dispatchEvent(new Event('input', { bubbles: true })); }
  };
  // An index made before shards (or none at all) has no list: search the primary bundle alone.
  fetch(base + 'pagefind/shards.json')
    .then(function (r) { return r.ok ? r.json() : { bundles: [] }; })
    .then(function (list) { return Array.isArray(list.bundles) ? list.bundles.filter(function (b) { return typeof b === 'string' && /^shards\/\d+\/$/.test(b); }) : []; })
    .catch(function () { return []; })
    .then(start);
});

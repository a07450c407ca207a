// Starts the Pagefind UI on the search page (the only JavaScript the site needs).
window.addEventListener('DOMContentLoaded', function () {
  if (window.PagefindUI) new window.PagefindUI({ element: '#search', showSubResults: true });
});

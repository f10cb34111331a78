// Runs in the browser (served as /app.js): the banner's Dismiss button hides
// it and remembers that in localStorage. No imports, so it needs no bundler.
const KEY = 'welcome-banner-dismissed';

function setUpBanner(doc: Document, storage: Storage) {
  const banner = doc.querySelector<HTMLElement>('[data-feature="welcome-banner"]');
  if (!banner) return;
  if (storage.getItem(KEY) === 'yes') banner.hidden = true;
  banner.querySelector('[data-dismiss]')?.addEventListener('click', () => {
    banner.hidden = true;
    storage.setItem(KEY, 'yes');
  });
}

setUpBanner(document, window.localStorage);

import type { Flags } from './flags.ts';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    c =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[
        c
      ]!,
  );

/**
 * The app's page. The welcome banner (the feature behind the
 * `welcome-banner` flag) is rendered only when its flag is on, so the
 * feature is visible at the service URL exactly when the flag says so.
 */
export function renderPage(name: string, flags: Flags): string {
  const banner = flags['welcome-banner']
    ? `
    <section class="banner" data-feature="welcome-banner" role="status">
      <p>Welcome to ${escape(name)}! This banner is a new feature behind the
      <code>welcome-banner</code> flag.</p>
      <button type="button" data-dismiss>Dismiss</button>
    </section>`
    : '';
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escape(name)}</title>
    <style>
      body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 40rem; padding: 0 1rem; }
      .banner { background: #e8f1fd; border: 1px solid #1f6feb; border-radius: 6px; padding: 0.5rem 1rem; }
      .banner[hidden] { display: none; }
    </style>
  </head>
  <body>
    <h1>${escape(name)}</h1>${banner}
    <p>Created on Day 1 from the Client golden path.</p>
    <script type="module" src="/app.js"></script>
  </body>
</html>
`;
}

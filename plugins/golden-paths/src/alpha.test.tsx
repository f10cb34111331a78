import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import goldenPathsPlugin from './alpha';
import { goldenPathsApiRef } from './api';
import { mockApi } from './components/testData';

jest.setTimeout(60_000);

describe('Golden Paths in the smallest app', () => {
  it('shows its page in an app with no home page, catalog or scaffolder', async () => {
    // Only this plugin: its home widget, entity card, context menu item and
    // form field have nowhere to attach, and must not break the app.
    renderTestApp({
      features: [goldenPathsPlugin],
      initialRouteEntries: ['/golden-paths'],
      apis: [[goldenPathsApiRef, mockApi()]],
    });
    expect(
      await screen.findByText(
        'Get started at your organization',
        {},
        { timeout: 30_000 },
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('article', { name: 'Backend' }),
    ).toBeInTheDocument();
  });
});

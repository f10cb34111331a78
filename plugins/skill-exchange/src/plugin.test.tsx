import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import type { SkillExchangeApi } from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeApiRef } from './api';
import { post } from './components/testData';
import skillExchangePlugin from './index';

jest.setTimeout(60_000);

describe('the Skill Exchange in the smallest app', () => {
  it('shows its page in an app with no home page and no catalog pages', async () => {
    // Only this plugin: its home widget and entity cards have nowhere to
    // attach, and must not break the app.
    const api = {
      listPosts: jest.fn(async () => ({
        items: [post(7, 'embed', 'Embed with Playback')],
        totalItems: 1,
        limit: 12,
        offset: 0,
      })),
      listEvents: jest.fn(async () => []),
      listSkills: jest.fn(async () => []),
    } as unknown as SkillExchangeApi;
    renderTestApp({
      features: [skillExchangePlugin],
      initialRouteEntries: ['/skill-exchange'],
      apis: [[skillExchangeApiRef, api]],
    });
    expect(
      await screen.findByText('Embed with Playback', {}, { timeout: 30_000 }),
    ).toBeInTheDocument();
  });
});

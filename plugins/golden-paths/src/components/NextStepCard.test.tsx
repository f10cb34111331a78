import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { goldenPathsApiRef } from '../api';
import { NextStepCard } from './NextStepCard';
import { journey, mockApi, page } from './testData';

describe('NextStepCard', () => {
  it('shows the next unfinished step with its template button', async () => {
    const api = mockApi({
      getMyJourneys: jest.fn(async () =>
        page([journey({ 'dev-environment': {} })]),
      ),
    });
    await renderInTestApp(
      <TestApiProvider apis={[[goldenPathsApiRef, api]]}>
        <NextStepCard />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText('Create a new service from scratch'),
    ).toBeInTheDocument();
    expect(screen.getByText('1 of 3 steps done')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Run template' }),
    ).toHaveAttribute(
      'href',
      '/create/templates/default/day-1-backend-service',
    );
  });

  it('invites people without a journey to choose a path', async () => {
    await renderInTestApp(
      <TestApiProvider apis={[[goldenPathsApiRef, mockApi()]]}>
        <NextStepCard />
      </TestApiProvider>,
    );
    expect(
      await screen.findByRole('button', { name: 'Choose a golden path' }),
    ).toHaveAttribute('href', '/golden-paths');
  });
});

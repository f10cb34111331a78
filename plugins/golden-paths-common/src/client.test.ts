import { ResponseError } from '@backstage/errors';
import { GoldenPathsClient } from './client';

function setup(response: Response) {
  const fetch = jest.fn(async () => response);
  const client = new GoldenPathsClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `http://backend/api/${pluginId}`,
    },
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('GoldenPathsClient', () => {
  it('completes a step with a JSON body on the encoded URL', async () => {
    const { client, fetch } = setup(json({ id: 'j1' }));
    await expect(
      client.completeStep('backend-day-1', 'dev-environment', { note: 'ok' }),
    ).resolves.toEqual({ id: 'j1' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/golden-paths/journeys/backend-day-1/steps/dev-environment/complete',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"note":"ok"}',
      },
    );
  });

  it('reads and decides a journey buddy on its encoded URLs', async () => {
    const { client, fetch } = setup(json({}));
    fetch.mockImplementation(async () => json({ journeyId: 'j 1' }));
    await client.getJourneyBuddy('j 1');
    await client.confirmBuddy('j 1', 'user:default/anna');
    await client.declineBuddy('j 1', 'user:default/anna');
    await client.listMyBuddyPeople();
    expect(
      fetch.mock.calls.map(c => {
        const [url, init] = c as unknown as [string, RequestInit];
        return [init.method, url, init.body];
      }),
    ).toEqual([
      [
        'GET',
        'http://backend/api/golden-paths/journeys/j%201/buddy',
        undefined,
      ],
      [
        'POST',
        'http://backend/api/golden-paths/journeys/j%201/buddy/confirm',
        '{"buddyRef":"user:default/anna"}',
      ],
      [
        'POST',
        'http://backend/api/golden-paths/journeys/j%201/buddy/decline',
        '{"buddyRef":"user:default/anna"}',
      ],
      ['GET', 'http://backend/api/golden-paths/buddies/me', undefined],
    ]);
  });

  it('puts metrics filters in the query string and reads CSV as text', async () => {
    const { client, fetch } = setup(new Response('scope,id\n'));
    await expect(
      client.getMetricsCsv({ discipline: 'Data Science', cohortId: 'c1' }),
    ).resolves.toBe('scope,id\n');
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/golden-paths/metrics?discipline=Data+Science&cohortId=c1&format=csv',
      { method: 'GET', headers: undefined, body: undefined },
    );
  });

  it('sends paging and the path filter in the query string, and nothing by default', async () => {
    const page = { items: [], totalItems: 0, limit: 100, offset: 0 };
    const { client, fetch } = setup(json(page));
    fetch.mockImplementation(async () => json(page));
    await expect(client.listPaths()).resolves.toEqual(page);
    await client.getMyJourneys({ pathId: 'backend-day-1', limit: 1 });
    await client.listCohorts({ limit: 20, offset: 40 });
    expect(fetch.mock.calls.map(c => (c as unknown[])[0])).toEqual([
      'http://backend/api/golden-paths/paths',
      'http://backend/api/golden-paths/journeys/me?limit=1&pathId=backend-day-1',
      'http://backend/api/golden-paths/cohorts?limit=20&offset=40',
    ]);
  });

  it('asks the scaffolder module whether a service name is free', async () => {
    const answer = { name: 'my svc', available: true };
    const { client, fetch } = setup(json(answer));
    await expect(client.checkServiceName('my svc')).resolves.toEqual(answer);
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/scaffolder/golden-paths/names/my%20svc',
      { method: 'GET', headers: undefined, body: undefined },
    );
  });

  it('reads and changes a service on the local runtime through the scaffolder module', async () => {
    const service = { name: 'day1-foo', status: 'running' };
    const { client, fetch } = setup(json(service));
    fetch.mockImplementation(async () => json(service));
    await expect(client.getLocalRuntimeService('day1-foo')).resolves.toEqual(
      service,
    );
    await client.changeLocalRuntimeService('day1-foo', 'restart');
    expect(fetch.mock.calls).toEqual([
      [
        'http://backend/api/scaffolder/golden-paths/runtime/day1-foo',
        { method: 'GET', headers: undefined, body: undefined },
      ],
      [
        'http://backend/api/scaffolder/golden-paths/runtime/day1-foo/restart',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        },
      ],
    ]);
  });

  it('reads a teardown plan and starts a teardown at the scaffolder module', async () => {
    const started = {
      taskId: 't-1',
      entityRef: 'component:default/day1-foo',
      taskUrl: '/create/tasks/t-1',
    };
    const { client, fetch } = setup(json(started));
    fetch.mockImplementation(async () => json(started));
    await expect(client.tearDownService('day1-foo')).resolves.toEqual(started);
    await client.getTeardownPlan('day1-foo');
    expect(fetch.mock.calls).toEqual([
      [
        'http://backend/api/scaffolder/golden-paths/teardown/day1-foo',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        },
      ],
      [
        'http://backend/api/scaffolder/golden-paths/teardown/day1-foo',
        { method: 'GET', headers: undefined, body: undefined },
      ],
    ]);
  });

  it('throws ResponseError with the backend error body', async () => {
    const { client } = setup(
      json(
        {
          error: { name: 'NotAllowedError', message: 'nope' },
          request: { method: 'GET', url: '/journeys/x' },
          response: { statusCode: 403 },
        },
        403,
      ),
    );
    const error = await client.getJourney('x').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(403);
    expect(error.body.error.name).toBe('NotAllowedError');
  });
});

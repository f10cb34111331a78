import { fixture } from '../__testUtils__/backend';
import { evidenceId, isoTime, oneLine, webLink } from './common';
import { mapGithubEvent } from './github';
import { mapGitlabEvent } from './gitlab';

describe('mapping webhook payloads to evidence', () => {
  it('maps each documented GitHub payload to its key and person', () => {
    const cases: Array<[string, string, string, object]> = [
      [
        'pull_request',
        'pull_request.opened',
        'pr.opened',
        { login: 'sofia-marquez' },
      ],
      [
        'pull_request',
        'pull_request.merged',
        'pr.merged',
        { login: 'sofia-marquez' },
      ],
      [
        'workflow_run',
        'workflow_run.completed',
        'ci.passed',
        { login: 'sofia-marquez' },
      ],
      [
        'check_suite',
        'check_suite.completed',
        'ci.passed',
        { email: 'sofia.marquez@onramp.example' },
      ],
      [
        'deployment_status',
        'deployment_status.success',
        'deploy.healthy',
        { login: 'sofia-marquez' },
      ],
      [
        'release',
        'release.published',
        'release.published',
        { login: 'sofia-marquez' },
      ],
    ];
    for (const [event, name, key, person] of cases) {
      expect(mapGithubEvent(event, fixture('github', name))).toMatchObject({
        provider: 'github',
        key,
        person,
        repository: 'onramp-demo/payments-api',
      });
    }
  });

  it('gives a merged pull request to its author, not to who merged it', () => {
    const merged = fixture('github', 'pull_request.merged');
    expect(merged.sender.login).toBe('lars-lindqvist');
    expect(mapGithubEvent('pull_request', merged)).toMatchObject({
      person: { login: 'sofia-marquez' },
    });
  });

  it('maps each documented GitLab payload to its key and person', () => {
    const cases: Array<[string, string, object]> = [
      ['merge_request.open', 'pr.opened', { login: 'kwatanabe' }],
      // Merged by Elin: the author is named by the last commit's email.
      [
        'merge_request.merge',
        'pr.merged',
        { email: 'kenji.watanabe@onramp.example' },
      ],
      ['pipeline.success', 'ci.passed', { login: 'kwatanabe' }],
      ['deployment.success', 'deploy.healthy', { login: 'kwatanabe' }],
      [
        'release.create',
        'release.published',
        { email: 'kenji.watanabe@onramp.example' },
      ],
    ];
    for (const [name, key, person] of cases) {
      const payload = fixture('gitlab', name);
      expect(mapGitlabEvent(payload.object_kind, payload)).toMatchObject({
        provider: 'gitlab',
        key,
        person,
        repository: 'client/feature-flags-web',
      });
    }
  });

  it('says why a payload records nothing', () => {
    expect(
      mapGithubEvent(
        'pull_request',
        fixture('github', 'pull_request.closed-unmerged'),
      ),
    ).toEqual({ skip: 'pull_request closed is not recorded' });
    expect(mapGithubEvent('pull_request', { action: 'opened' })).toEqual({
      skip: 'malformed pull_request payload',
    });
    for (const event of ['__proto__', 'constructor', 'toString', 'push']) {
      expect(mapGithubEvent(event, {})).toEqual({
        skip: `GitHub event ${event} is not recorded`,
      });
      expect(mapGitlabEvent(event, {})).toEqual({
        skip: `GitLab event ${event} is not recorded`,
      });
    }
  });

  it('refuses logins with control characters rather than passing them on', () => {
    const payload = fixture('github', 'pull_request.opened');
    payload.pull_request.user.login = 'a\u0000b';
    expect(mapGithubEvent('pull_request', payload)).toEqual({
      skip: 'malformed pull_request payload',
    });
  });

  it('reads GitHub and GitLab timestamps, and nothing else', () => {
    expect(isoTime('2026-11-04T16:02:11Z')).toBe('2026-11-04T16:02:11.000Z');
    expect(isoTime('2016-08-12 16:23:05 UTC')).toBe('2016-08-12T16:23:05.000Z');
    expect(isoTime('2021-04-28 21:50:00 +0200')).toBe(
      '2021-04-28T19:50:00.000Z',
    );
    expect(isoTime('yesterday')).toBeUndefined();
    expect(isoTime('12')).toBeUndefined();
    expect(isoTime(null)).toBeUndefined();
  });

  it('hashes an evidence id too long for the table instead of cutting it', () => {
    const long = evidenceId('github', 'o/'.padEnd(300, 'r'), '#', 1);
    expect(long).toMatch(/^github:sha256:[0-9a-f]{64}$/);
    expect(evidenceId('github', 'o/'.padEnd(300, 'r'), '#', 2)).not.toBe(long);
    expect(evidenceId('gitlab', 'g/p', '!', 7)).toBe('gitlab:g/p!7');
  });

  it('keeps summaries on one printable line and links to http(s)', () => {
    expect(oneLine('a\u0000b\n\tc  d')).toBe('ab c d');
    expect(oneLine('x'.repeat(400))).toHaveLength(300);
    expect(webLink('data:text/html,<b>x</b>')).toBeUndefined();
    expect(webLink('https://example.com/a\u0007')).toBeUndefined();
    expect(webLink('https://example.com/a')).toBe('https://example.com/a');
  });
});

import {
  createMockDirectory,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogWithUsers } from '../__testUtils__/catalog';
import { as, git } from '../__testUtils__/git';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  createTestGoldenPaths,
  expectSofiasTenthMergedPr,
} from '../__testUtils__/services';
import { LocalGitMergeSource } from './LocalGitMergeSource';
import { syncMergedPullRequests } from './sync';
import { MergedPullRequest } from '@onramp/backstage-plugin-golden-paths-node';

jest.setTimeout(60_000);

const HOUR = 3_600_000;

describe('LocalGitMergeSource (real git repositories)', () => {
  const dir = createMockDirectory();

  it('counts merges into the default branch, never plain commits', async () => {
    dir.clear();
    const root = path.join(dir.path, 'git');
    const bare = path.join(root, 'sofia', 'svc.git');
    const work = path.join(dir.path, 'work');
    execFileSync('mkdir', ['-p', bare, work]);
    git(bare, ['init', '--bare', '--initial-branch=main']);
    git(work, ['init', '--initial-branch=main']);
    const sofia = as(
      'Sofia',
      'Sofia.Marquez@onramp.example',
      '2026-11-02T10:00:00Z',
    );
    const lead = as('Lead', 'lead@onramp.example', '2026-11-03T12:00:00Z');
    git(work, ['commit', '--allow-empty', '-m', 'initial'], sofia);
    git(work, ['commit', '--allow-empty', '-m', 'plain commit on main'], sofia);
    /** Sofia commits on a new branch `feature`; the lead merges it into `into`. */
    const mergeFeature = (into: string, feature: string, message: string) => {
      git(work, ['checkout', '-b', feature], sofia);
      git(work, ['commit', '--allow-empty', '-m', `${feature} work`], sofia);
      git(work, ['checkout', into], sofia);
      git(work, ['merge', '--no-ff', '-m', message, feature], lead);
    };
    mergeFeature('main', 'feature', 'Merge pull request #1');
    git(work, ['push', bare, 'main'], sofia);
    // A merge on another branch does not count.
    git(work, ['checkout', '-b', 'other'], sofia);
    mergeFeature('other', 'other-feature', 'merge into other');
    git(work, ['push', bare, 'other'], sofia);
    // An empty repository is skipped.
    const empty = path.join(root, 'empty.git');
    execFileSync('mkdir', ['-p', empty]);
    git(empty, ['init', '--bare']);

    const merges = await new LocalGitMergeSource(root).listMergedPullRequests();
    expect(merges).toEqual([
      {
        id: expect.stringMatching(/^sofia\/svc\.git@[0-9a-f]{40}$/),
        repository: 'sofia/svc.git',
        authorEmail: 'sofia.marquez@onramp.example',
        mergedAt: Date.parse('2026-11-03T12:00:00Z'),
      },
    ]);
  });
});

describe('merged pull requests', () => {
  const databases = TestDatabases.create();

  it.each(databases.eachSupportedId())(
    'are attributed by catalog email and feed time to 10th merged PR on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const t0 = Date.parse('2026-11-02T09:00:00Z');
      const gp = await createTestGoldenPaths(knex, { clock: () => t0 });
      await gp.startJourney('user:default/sofia.marquez', 'backend-day-1');
      await gp.startJourney('user:default/lars.lindqvist', 'backend-day-1');

      const merges: MergedPullRequest[] = [];
      for (let i = 1; i <= 12; i++) {
        merges.push({
          id: `svc#${i}`,
          repository: 'svc',
          authorEmail: 'SOFIA.MARQUEZ@onramp.example',
          mergedAt: t0 + i * 10 * HOUR,
        });
      }
      for (let i = 1; i <= 9; i++) {
        merges.push({
          id: `lars#${i}`,
          repository: 'svc',
          authorEmail: 'lars@onramp.example',
          mergedAt: t0 + i * HOUR,
        });
      }
      merges.push({
        id: 'stranger#1',
        repository: 'svc',
        authorEmail: 'nobody@elsewhere.example',
        mergedAt: t0,
      });
      const catalog = catalogWithUsers([
        { name: 'sofia.marquez', email: 'sofia.marquez@onramp.example' },
        { name: 'lars.lindqvist', email: 'lars@onramp.example' },
      ]);
      const sync = () =>
        syncMergedPullRequests({
          sources: [{ id: 'test', listMergedPullRequests: async () => merges }],
          store: gp.stores.mergedPullRequests,
          catalog,
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
        });
      expect(await sync()).toBe(21);
      expect(await sync()).toBe(0);

      await expectSofiasTenthMergedPr(gp, t0);
    },
  );
});

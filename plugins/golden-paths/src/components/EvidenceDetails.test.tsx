import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { GoldenPathStep } from '@onramp/backstage-plugin-golden-paths-common';
import { arrivedFacts, EvidenceDetails, EvidenceHint } from './EvidenceDetails';
import { englishT } from './__testUtils__/englishT';

jest.setTimeout(60_000);

const merged: GoldenPathStep = {
  id: 'first-merge',
  title: 'Merge your first change',
  rule: { type: 'evidence', anyOf: ['pr.merged', 'ci.passed'] },
};

describe('the step evidence', () => {
  it('says where the evidence comes from while the step waits', async () => {
    await renderInTestApp(<EvidenceHint step={merged} />);
    expect(screen.getByTestId('evidence-hint')).toHaveTextContent(
      'Waiting for evidence: Merge a pull request in a repository you own (locally: merge into main); or push to a repository you own and have every CI step pass (the local CI, or a GitHub or GitLab pipeline)',
    );
  });

  it("prefers the step's own evidenceHint, and says nothing for manual steps", async () => {
    await renderInTestApp(
      <>
        <EvidenceHint
          step={{ ...merged, evidenceHint: 'Merge into main locally.' }}
        />
        <EvidenceHint
          step={{ id: 'm', title: 'Manual', rule: { type: 'manual' } }}
        />
      </>,
    );
    expect(screen.getAllByTestId('evidence-hint')).toHaveLength(1);
    expect(screen.getByTestId('evidence-hint')).toHaveTextContent(
      'Waiting for evidence: Merge into main locally.',
    );
  });

  it('shows what arrived: source, repository, pull request, commit', async () => {
    await renderInTestApp(
      <EvidenceDetails
        rule={merged.rule}
        evidence={{
          source: 'evidence',
          key: 'pr.merged',
          occurredAt: '2026-11-05T10:00:00Z',
          outputs: {
            source: 'github',
            repository: 'acme/payments',
            pullRequest: 42,
            commit: '0123456789abcdef',
          },
        }}
      />,
    );
    expect(screen.getByTestId('evidence')).toHaveTextContent(
      /evidence pr\.merged · from github · repository acme\/payments · PR #42 · commit 0123456 on/,
    );
  });

  it('reads the outputs the SCM webhooks and the Day-1 templates really carry', () => {
    const facts = (outputs: Record<string, unknown>) =>
      arrivedFacts(
        {
          source: 'evidence',
          key: 'pr.merged',
          occurredAt: '2026-11-05T10:00:00Z',
          outputs,
        },
        englishT(),
      );
    // scm-events, GitHub pull_request merged.
    expect(
      facts({
        provider: 'github',
        repository: 'onramp-demo/payments-api',
        pullRequest: 42,
        url: 'https://github.com/onramp-demo/payments-api/pull/42',
        commit: 'abcdef0123456789',
        branch: 'main',
        delivery: 'd-1',
      }),
    ).toEqual([
      'from github',
      'repository onramp-demo/payments-api',
      'PR #42',
      'commit abcdef0',
      'branch main',
    ]);
    // scm-events, GitLab merge request (its iid) and a deployment.
    expect(
      facts({ provider: 'gitlab', repository: 'group/app', pullRequest: 7 }),
    ).toEqual(['from gitlab', 'repository group/app', 'MR !7']);
    expect(facts({ provider: 'gitlab', environment: 'production' })).toEqual([
      'from gitlab',
      'environment production',
    ]);
    expect(facts({ provider: 'github', tag: 'v1.2.0' })).toEqual([
      'from github',
      'tag v1.2.0',
    ]);
    // A Day-1 template: the published local remote and its commit, never
    // this machine's path.
    expect(
      facts({
        repository: 'file:///tmp/onramp/git/day-one-pipeline.git',
        commitHash: '0123456789abcdef',
      }),
    ).toEqual(['repository day-one-pipeline', 'commit 0123456']);
    // A deploy: the service's commit, not the deploy repository's.
    expect(
      facts({
        status: 'applied',
        commitHash: '1111111aaaa',
        serviceCommit: '2222222bbbb',
      }),
    ).toEqual(['commit 2222222']);
  });

  it('underlines its links, which sit inside the sentence (not told apart by colour alone)', async () => {
    await renderInTestApp(
      <EvidenceDetails
        rule={merged.rule}
        evidence={{
          source: 'evidence',
          key: 'template.succeeded',
          occurredAt: '2026-11-05T10:00:00Z',
          taskId: 't-1',
          link: 'https://git.example/svc',
        }}
      />,
    );
    const links = screen.getAllByRole('link');
    expect(links.map(l => l.textContent)).toEqual([
      'task log',
      expect.stringContaining('https://git.example/svc'),
    ]);
    for (const link of links) {
      expect(link.className).toMatch(/underlineAlways/);
    }
  });
});

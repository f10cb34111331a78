import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { GoldenPathStep } from '@onramp/backstage-plugin-golden-paths-common';
import { EvidenceDetails, EvidenceHint } from './EvidenceDetails';

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
      'Waiting for evidence: Merge a pull request in a repository you own; or CI must pass on a push to a repository you own',
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

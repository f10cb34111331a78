import { mockServices } from '@backstage/backend-test-utils';
import path from 'node:path';
import { parseCiFile } from './ciFile';
import { readLocalCiConfig } from './config';

describe('.onramp/ci.yaml', () => {
  it('reads steps with their optional timeout and evidence key', () => {
    expect(
      parseCiFile(`
steps:
  - name: Unit tests
    run: [python3, -m, unittest]
  - name: Train
    run: [python3, -m, model.train]
    timeoutSeconds: 30
    evidence: ml.evaluated
`),
    ).toEqual({
      steps: [
        { name: 'Unit tests', run: ['python3', '-m', 'unittest'] },
        {
          name: 'Train',
          run: ['python3', '-m', 'model.train'],
          timeoutSeconds: 30,
          evidence: 'ml.evaluated',
        },
      ],
    });
  });

  it.each([
    ['steps: [', /is not YAML/],
    ['', /\(file\)/],
    ['steps: []', /steps: Too small/],
    ['steps: [{ name: x, run: "make test" }]', /steps\.0\.run/],
    ['steps: [{ name: x, run: [make], shell: bash }]', /shell/],
    ['steps: [{ name: x, run: [make], timeoutSeconds: 0 }]', /timeoutSeconds/],
    ['steps: [{ name: x, run: [make], evidence: Not A Key }]', /evidence/],
    [
      'steps: [{ name: x, run: [make], evidence: pr.merged }]',
      /recorded by the portal/,
    ],
    [
      'steps: [{ name: x, run: [make], evidence: deploy.healthy }]',
      /recorded by the portal/,
    ],
    [
      'steps: [{ name: x, run: [make], evidence: ci.passed }]',
      /recorded by the portal/,
    ],
  ])('refuses %p saying why', (text, message) => {
    expect(() => parseCiFile(text)).toThrow(message);
  });

  it('allows ci.* keys other than ci.passed, e.g. ci.unit.passed', () => {
    expect(
      parseCiFile('steps: [{ name: x, run: [make], evidence: ci.unit.passed }]')
        .steps[0].evidence,
    ).toBe('ci.unit.passed');
  });
});

describe('goldenPaths.localCi', () => {
  const read = (data: object) =>
    readLocalCiConfig(mockServices.rootConfig({ data }));

  it('is off unless enabled', () => {
    expect(read({})).toBeUndefined();
    expect(
      read({ goldenPaths: { localCi: { enabled: false } } }),
    ).toBeUndefined();
  });

  it('watches goldenPaths.git.root by default, with the documented defaults', () => {
    expect(
      read({
        goldenPaths: { git: { root: 'data/git' }, localCi: { enabled: true } },
      }),
    ).toEqual({
      root: path.resolve(process.cwd(), 'data/git'),
      pollIntervalSeconds: 10,
      concurrency: 1,
      maxQueuedRuns: 50,
      defaultTimeoutSeconds: 300,
      logTailBytes: 16384,
    });
  });

  it('refuses to start without a root or with a bad number', () => {
    expect(() => read({ goldenPaths: { localCi: { enabled: true } } })).toThrow(
      /neither goldenPaths.localCi.root nor goldenPaths.git.root/,
    );
    expect(() =>
      read({
        goldenPaths: { localCi: { enabled: true, root: '/x', concurrency: 0 } },
      }),
    ).toThrow(/concurrency must be a positive whole number/);
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { makeTempDir } from './__testUtils__/context';
import { runCiYamlSteps } from './__testUtils__/ciYaml';
import { ML_AUDIO_TEMPLATES } from './__testUtils__/mlAudioTemplates';

/*
 * The skeletons' .onramp/ci.yaml, run as the local CI runner runs it: each
 * step by execFile with its argv, offline, Debian's /usr/bin/python3 first on
 * PATH (numpy and scikit-learn from python3-numpy and python3-sklearn), a
 * fresh ONRAMP_EVIDENCE_FILE per step.
 */
const [ml, audio] = ML_AUDIO_TEMPLATES;

async function skeletonCopy(dir: string) {
  const copy = await makeTempDir('ci-yaml-ml-audio');
  await fs.cp(path.join(dir, 'skeleton'), copy, { recursive: true });
  return copy;
}

describe('the Machine Learning skeleton in CI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await skeletonCopy(ml.dir);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('passes every step and the training step writes the ml.evaluated metrics', async () => {
    const results = await runCiYamlSteps(dir);
    expect(results.map(r => [r.step.name, r.step.evidence ?? null])).toEqual([
      ['The sample is what model/sample.py generates', null],
      ['Unit tests', null],
      ['Train and evaluate the model', 'ml.evaluated'],
    ]);
    expect(results[1].output).toMatch(/Ran 8 tests/);
    expect(results[1].output).toMatch(/\nOK\n/);
    const metrics: any = results[2].evidence;
    expect(metrics).toMatchObject({
      model: 'LogisticRegression on standardised features (scikit-learn)',
      dataset: 'data/churn.csv',
      rows: 1200,
      trainRows: 900,
      testRows: 300,
      seed: 42,
      beatsBaseline: true,
      metricsFile: 'out/metrics.json',
    });
    expect(metrics.accuracy).toBeGreaterThanOrEqual(
      metrics.baselineAccuracy + 0.05,
    );
    // The fixed seed makes the figures reproducible.
    expect([metrics.accuracy, metrics.baselineAccuracy]).toEqual([0.79, 0.68]);
    expect(
      JSON.parse(await fs.readFile(path.join(dir, 'out/metrics.json'), 'utf8')),
    ).toEqual(
      Object.fromEntries(
        Object.entries(metrics).filter(([k]) => k !== 'metricsFile'),
      ),
    );
    expect(results.slice(0, 2).every(r => r.evidence === undefined)).toBe(true);
  });

  it('fails at the sample check when the shipped sample was edited by hand', async () => {
    const csv = path.join(dir, 'data/churn.csv');
    const original = await fs.readFile(csv, 'utf8');
    await fs.writeFile(csv, original.replace(/,1\n/, ',0\n'));
    try {
      await expect(runCiYamlSteps(dir)).rejects.toThrow(
        /step "The sample is what model\/sample.py generates" failed: .*data\/churn.csv is not what python3 -m model.sample generates/s,
      );
    } finally {
      await fs.writeFile(csv, original);
    }
  });
});

describe('the Audio Processing skeleton in CI', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await skeletonCopy(audio.dir);
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('passes every step and the extraction step writes the audio.features summary', async () => {
    const results = await runCiYamlSteps(dir);
    expect(results.map(r => [r.step.name, r.step.evidence ?? null])).toEqual([
      ['The sample is what audio_features/sample.py generates', null],
      ['Unit tests', null],
      ['Extract features from the sample', 'audio.features'],
    ]);
    expect(results[1].output).toMatch(/Ran 10 tests/);
    expect(results[1].output).toMatch(/\nOK\n/);
    const summary: any = results[2].evidence;
    expect(summary).toMatchObject({
      file: 'samples/tones.wav',
      sampleRate: 16000,
      samples: 16000,
      durationSeconds: 1,
      // The generated 440 Hz tone, to the FFT's 1 Hz resolution.
      dominantFrequencyHz: 440,
      frequencyResolutionHz: 1,
      featuresFile: 'out/features.json',
    });
    expect(summary.perFrame).toBeUndefined();
    expect(summary.rms).toBeGreaterThan(0.3);
    // About two zero crossings per period of 440 Hz.
    expect(summary.zeroCrossingRate).toBeCloseTo((2 * 440) / 16000, 2);
    const features = JSON.parse(
      await fs.readFile(path.join(dir, 'out/features.json'), 'utf8'),
    );
    expect(features.perFrame).toHaveLength(features.frames);
    expect(JSON.stringify(summary).length).toBeLessThan(64 * 1024);
  });

  it('fails at the sample check when the WAV is not what the script generates', async () => {
    const wav = path.join(dir, 'samples/tones.wav');
    const original = await fs.readFile(wav);
    const changed = Buffer.from(original);
    changed.writeInt16LE(changed.readInt16LE(8000) + 100, 8000);
    await fs.writeFile(wav, changed);
    try {
      await expect(runCiYamlSteps(dir)).rejects.toThrow(
        /samples\/tones.wav is not what python3 -m audio_features.sample generates/,
      );
    } finally {
      await fs.writeFile(wav, original);
    }
  });
});

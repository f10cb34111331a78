#!/usr/bin/env node
/*
 * Prints the five slowest tests of a test.sh run, from the result files the
 * runners wrote: jest's `--json --outputFile` report and Playwright's json
 * reporter (ONRAMP_E2E_JSON). Files that do not exist are skipped.
 *
 *   node scripts/slowest-tests.js <jest.json> [<playwright.json> ...]
 */
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const rel = file => path.relative(root, file);
const tests = [];

function fromJest(report, label) {
  for (const file of report.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (typeof t.duration === 'number') {
        tests.push({
          ms: t.duration,
          label,
          where: rel(file.name),
          title: t.fullName ?? t.title,
        });
      }
    }
  }
}

function fromPlaywright(report, label) {
  const walk = (suite, file) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        const ms = (t.results ?? []).reduce(
          (sum, r) => sum + (r.duration ?? 0),
          0,
        );
        tests.push({ ms, label, where: spec.file ?? file, title: spec.title });
      }
    }
    for (const child of suite.suites ?? []) walk(child, suite.file ?? file);
  };
  for (const suite of report.suites ?? []) walk(suite, suite.file);
}

for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) continue;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (Array.isArray(report.testResults)) fromJest(report, 'jest');
  else fromPlaywright(report, path.basename(file, '.json'));
}

const slowest = tests.sort((a, b) => b.ms - a.ms).slice(0, 5);
if (slowest.length) {
  console.error('The five slowest tests:');
  for (const t of slowest) {
    console.error(
      `  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.label.padEnd(8)} ${
        t.where
      } › ${t.title}`,
    );
  }
}

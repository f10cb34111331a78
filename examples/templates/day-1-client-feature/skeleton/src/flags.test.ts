import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFlags } from './flags.ts';

const flagFile = (content: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'flags-')), 'flags.json');
  writeFileSync(file, content);
  return file;
};

test('flags come from the file, then FEATURE_FLAGS', () => {
  const file = flagFile('{"welcome-banner": true}');
  assert.deepEqual(readFlags(file, undefined), { 'welcome-banner': true });
  assert.deepEqual(readFlags(file, 'welcome-banner=off'), {
    'welcome-banner': false,
  });
  assert.deepEqual(readFlags(flagFile('{}'), undefined), {
    'welcome-banner': false,
  });
});

test('an unknown flag or a value that is not on/off is refused', () => {
  assert.throws(
    () => readFlags(flagFile('{"welcome-baner": true}'), undefined),
    /welcome-baner is not a known flag/,
  );
  assert.throws(
    () => readFlags(flagFile('{"welcome-banner": "yes"}'), undefined),
    /not a known flag set to true\/false/,
  );
  assert.throws(
    () => readFlags(flagFile('{}'), 'welcome-banner=maybe'),
    /FEATURE_FLAGS: welcome-banner=maybe/,
  );
});

test('the committed config/flags.json is valid', () => {
  assert.equal(typeof readFlags('config/flags.json', '')['welcome-banner'], 'boolean');
});

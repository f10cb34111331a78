import fs from 'node:fs';
import path from 'node:path';

// Test fixture only: the templates live outside this package.
// eslint-disable-next-line no-restricted-syntax
export const templatesDir = path.resolve(
  __dirname,
  '../../../../examples/templates',
);

/** What fetch:template copies unrendered: files with a NUL byte (the WAV sample). */
const isBinary = (data: Buffer) => data.includes(0);

/**
 * A Day-1 template's skeleton with its `${{ values.* }}` placeholders filled
 * in as its fetch:template step fills them (`| dump` is JSON, `practiceRun`
 * the one conditional); binary files are copied as they are. Keyed by the
 * path inside the repository.
 */
export function renderSkeleton(
  template: string,
  values: Record<string, string | boolean>,
): Record<string, string | Buffer> {
  const dir = path.join(templatesDir, template, 'skeleton');
  const files: Record<string, string | Buffer> = {};
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), {
      withFileTypes: true,
    })) {
      const file = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        walk(file);
        continue;
      }
      const data = fs.readFileSync(path.join(dir, file));
      files[file] = isBinary(data)
        ? data
        : data
            .toString('utf8')
            .replace(
              /\$\{\{ "true" if values\.practiceRun else "false" \}\}/g,
              values.practiceRun ? 'true' : 'false',
            )
            .replace(
              /\$\{\{ values\.(\w+)( \| dump)? \}\}/g,
              (_m, key: string, dump?: string) =>
                dump ? JSON.stringify(values[key]) : String(values[key]),
            );
    }
  };
  walk('');
  return files;
}

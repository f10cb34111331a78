import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The bare git repositories under a folder (a folder with HEAD, objects and
 * refs), at most `depth` folders deep, sorted. A missing folder has none.
 */
export async function findBareRepositories(
  dir: string,
  depth: number,
): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const names = new Set(entries.map(e => e.name));
  if (names.has('HEAD') && names.has('objects') && names.has('refs')) {
    return [dir];
  }
  if (depth === 0) {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory()) {
      found.push(
        ...(await findBareRepositories(path.join(dir, entry.name), depth - 1)),
      );
    }
  }
  return found.sort();
}

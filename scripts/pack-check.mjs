#!/usr/bin/env node
// Packs every published Onramp package the way `npm publish` would (Yarn's
// `pack`, which runs Backstage's prepack/postpack), then checks the tarball an
// adopter would install, not the workspace:
//   - no `workspace:` range is left in its dependencies;
//   - `main`, `module`, `types`, every `exports` target and `configSchema`
//     point at files inside the tarball;
//   - files read at runtime (migrations) are inside it;
//   - every bare import in the built code is a declared dependency or peer
//     dependency (or a Node builtin), so nothing only the workspace provides
//     is needed.
// Prints one line per package (size, files) and exits 1 on the first failure
// list. Run `yarn backstage-cli repo build` first (scripts/test.sh does).
// `--out DIR` keeps the tarballs (`<scope>-<name>.tgz`, see tarballName) in
// DIR for scripts/install-check.mjs; by default they go to a temporary folder.
import { execFileSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const builtins = new Set(builtinModules.flatMap(m => [m, `node:${m}`]));

/** The file a package's tarball gets: `@onramp/x` -> `onramp-x.tgz`. */
export function tarballName(packageName) {
  return `${packageName.replace(/^@/, '').replace('/', '-')}.tgz`;
}

export const packages = fs
  .readdirSync(path.join(root, 'plugins'))
  .map(dir => path.join(root, 'plugins', dir))
  .filter(dir => fs.existsSync(path.join(dir, 'package.json')))
  .map(dir => ({
    dir,
    pkg: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')),
  }))
  .filter(({ pkg }) => !pkg.private);

/** The package name of a bare import specifier, or undefined for relative ones. */
export function packageOf(specifier) {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

// Module specifiers of static imports and re-exports, dynamic imports and
// require calls, found by TypeScript's lexer: a specifier-like text inside a
// string (a log line saying "add backend.add(import('...'))") is not an import.
function importsIn(file) {
  const text = fs.readFileSync(file, 'utf8');
  return ts.preProcessFile(text, true, true).importedFiles.map(f => f.fileName);
}

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

/** File targets of `exports` (the `backstage` condition names a kind, not a file). */
function exportTargets(exportsField) {
  if (!exportsField) return [];
  if (typeof exportsField === 'string') return [exportsField];
  return Object.entries(exportsField)
    .filter(([key]) => key !== 'backstage')
    .flatMap(([, value]) => exportTargets(value));
}

function check({ dir, pkg }, out) {
  const tgz = path.join(out, tarballName(pkg.name));
  execFileSync('yarn', ['pack', '--out', tgz], { cwd: dir, stdio: 'pipe' });
  const unpacked = tgz.replace(/\.tgz$/, '');
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.mkdirSync(unpacked, { recursive: true });
  execFileSync('tar', ['xzf', tgz, '-C', unpacked, '--strip-components=1']);
  const packed = JSON.parse(
    fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'),
  );
  const problems = [];
  const has = rel => fs.existsSync(path.join(unpacked, rel));
  const declared = new Set([
    pkg.name,
    ...Object.keys(packed.dependencies ?? {}),
    ...Object.keys(packed.peerDependencies ?? {}),
  ]);
  for (const field of ['dependencies', 'peerDependencies']) {
    for (const [name, range] of Object.entries(packed[field] ?? {})) {
      if (String(range).startsWith('workspace:')) {
        problems.push(`${field}.${name} is still "${range}"`);
      }
    }
  }
  const entryPoints = [
    packed.main,
    packed.module,
    packed.types,
    ...exportTargets(packed.exports),
    typeof packed.configSchema === 'string' ? packed.configSchema : undefined,
  ].filter(Boolean);
  for (const entry of entryPoints) {
    if (!has(entry)) problems.push(`points at ${entry}, not in the tarball`);
  }
  if (fs.existsSync(path.join(dir, 'migrations')) && !has('migrations')) {
    problems.push('its migrations are not in the tarball');
  }
  const built = walk(path.join(unpacked, 'dist')).filter(f =>
    /\.(c|m)?js$/.test(f),
  );
  const undeclared = new Set();
  for (const file of built) {
    for (const spec of importsIn(file)) {
      const name = packageOf(spec);
      if (name && !builtins.has(name) && !builtins.has(spec)) {
        if (!declared.has(name)) undeclared.add(name);
      }
    }
  }
  for (const name of undeclared) {
    problems.push(`its built code imports ${name}, which it does not declare`);
  }
  const size = fs.statSync(tgz).size;
  const files = walk(unpacked).length;
  return { name: pkg.name, size, files, problems };
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const outArg = process.argv.indexOf('--out');
  const out =
    outArg > 0
      ? path.resolve(process.argv[outArg + 1])
      : fs.mkdtempSync(path.join(os.tmpdir(), 'onramp-pack-'));
  fs.mkdirSync(out, { recursive: true });
  let failed = 0;
  for (const p of packages) {
    const r = check(p, out);
    const figures = `${(r.size / 1024).toFixed(0).padStart(5)} kB ${String(
      r.files,
    ).padStart(4)} files`;
    console.log(`${r.problems.length ? 'FAIL' : 'ok  '} ${figures}  ${r.name}`);
    for (const problem of r.problems) console.log(`       ${problem}`);
    failed += r.problems.length ? 1 : 0;
  }
  console.log(
    `${packages.length} packages packed into ${out}; ${failed} with problems`,
  );
  process.exit(failed ? 1 : 0);
}

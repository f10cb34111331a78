#!/usr/bin/env node
// Installs the Onramp plugins into a clean Backstage 1.55 app, as an adopter
// would, and checks in headless Chromium that they work there (README,
// "Installed into a clean app"):
//
//   1. the tarballs of every published package (`yarn pack`, from
//      scripts/pack-check.mjs `--out DIR`; packed here when no --packs DIR);
//   2. a copy of install-check/app-template (create-app 0.9.2's app and
//      backend, reduced to the catalog, the scaffolder, guest sign-in and
//      notifications) in a temporary folder OUTSIDE this workspace, pinned to
//      the monorepo's @backstage versions (its root `resolutions`), with the
//      monorepo's yarn.lock as the starting lockfile (so the install mostly
//      hits Yarn's global cache) and `resolutions` sending every @onramp
//      package, also the ones installed as dependencies, to its tarball
//      (and the monorepo's `dependenciesMeta`: the same native builds skipped);
//   3. each plugin README's install section, followed as written: its
//      `yarn --cwd packages/<app|backend> add ...` command (an @onramp name
//      becomes `<name>@file:<its tarball>`; the commands of one folder run as
//      one `yarn add`), and for backend packages the imports and
//      `backend.add(...)` lines of its first `ts` block, added to
//      packages/backend/src/index.ts unless the same line is already there.
//      Frontend plugins come in through `app.packages: all`, as their READMEs
//      say;
//   4. the app built for production and served by the backend on one port;
//   5. install-check/e2e (Playwright, Debian's Chromium) against it: a Skill
//      Exchange post created, a golden path started, the Day-1 template's
//      dry-run done.
//
// Usage: node scripts/install-check.mjs [--packs DIR] [--keep]
//   --packs DIR  tarballs already packed by `yarn test:pack --out DIR`
//   --keep       keep the app folder (printed) after the run
// Env: ONRAMP_INSTALL_PORT (default 7017), ONRAMP_CHROMIUM.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { packages, tarballName } from './pack-check.mjs';

const root = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const INSTALL_ROLES = [
  'frontend-plugin',
  'backend-plugin',
  'backend-plugin-module',
];
const require_ = createRequire(import.meta.url);
const MARKER = "// The Onramp plugins' README lines:";

const t0 = Date.now();
const seconds = since => `${Math.round((Date.now() - since) / 1000)}s`;
const log = msg =>
  console.error(`\x1b[1;34m[install-check]\x1b[0m ${msg} (${seconds(t0)})`);

function fail(message) {
  const error = new Error(message);
  error.name = 'InstallCheckError';
  throw error;
}

/** The text of a README's first `## Install...` section. */
export function installSection(readme, name) {
  const start = readme.search(/^## Install\b.*$/m);
  if (start < 0) fail(`${name}: its README has no "## Install" section`);
  const rest = readme.slice(start);
  const end = rest.slice(3).search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end + 3);
}

function fencedBlocks(text, lang) {
  return [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```/gm)]
    .filter(m => m[1] === lang)
    .map(m => m[2]);
}

/**
 * The `yarn --cwd <dir> add <packages...>` commands of an install section
 * (first `sh` block, backslash-continued lines joined).
 */
export function yarnAdds(section, name) {
  const [sh] = fencedBlocks(section, 'sh');
  if (!sh) fail(`${name}: its install section has no \`sh\` block`);
  return sh
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map(line => line.trim())
    .filter(line => line && !line.startsWith('#'))
    .map(line => {
      const m = line.match(/^yarn --cwd (\S+) add ((?:\s*[^\s-]\S*)+)$/);
      if (!m) fail(`${name}: cannot follow the install step "${line}"`);
      return { cwd: m[1], packages: m[2].trim().split(/\s+/) };
    });
}

/** The imports and the balanced `backend.add(...)` statements of some code. */
function statementsOf(ts) {
  const imports = ts.match(/^import [\s\S]*?;$/gm) ?? [];
  const adds = [];
  for (let i = ts.indexOf('backend.add('); i >= 0; ) {
    let depth = 0;
    let j = i + 'backend.add'.length;
    for (; j < ts.length; j++) {
      if (ts[j] === '(') depth++;
      if (ts[j] === ')' && --depth === 0) break;
    }
    adds.push(`${ts.slice(i, j + 1)};`);
    i = ts.indexOf('backend.add(', j);
  }
  return { imports, adds };
}

/** The imports and `backend.add(...)` lines of an install section's `ts` block. */
export function backendLines(section) {
  const [ts] = fencedBlocks(section, 'ts');
  return ts ? statementsOf(ts) : { imports: [], adds: [] };
}

const normalized = code => code.replace(/\s+/g, '').replace(/,\)/g, ')');

/** index.ts with the README lines added (imports on top, adds at the marker). */
export function withBackendLines(indexTs, { imports, adds }) {
  const existing = statementsOf(indexTs);
  const present = new Set(
    [...existing.imports, ...existing.adds].map(normalized),
  );
  const fresh = list =>
    list.filter(line => {
      const key = normalized(line);
      if (present.has(key)) return false;
      present.add(key);
      return true;
    });
  if (!indexTs.includes(MARKER)) fail(`the template lost its "${MARKER}"`);
  const newImports = fresh(imports);
  const newAdds = fresh(adds);
  return indexTs
    .replace(MARKER, [MARKER, ...newAdds].join('\n'))
    .replace(/^(import .*\n)/m, `$1${newImports.map(l => `${l}\n`).join('')}`);
}

function run(cmd, args, cwd, env = {}, stdout = 'inherit') {
  log(`$ ${[cmd, ...args].join(' ')}   (in ${cwd})`);
  execFileSync(cmd, args, {
    cwd,
    stdio: ['ignore', stdout, 'inherit'],
    env: { ...process.env, ...env },
  });
}

function packTarballs(argv) {
  const i = argv.indexOf('--packs');
  if (i >= 0) return path.resolve(argv[i + 1]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onramp-packs-'));
  run('node', ['scripts/pack-check.mjs', '--out', dir], root);
  return dir;
}

/** The app folder: template, lockfile, pins, examples. */
function prepareApp(packDir) {
  const app = fs.mkdtempSync(path.join(os.tmpdir(), 'onramp-install-app-'));
  fs.cpSync(path.join(root, 'install-check/app-template'), app, {
    recursive: true,
  });
  fs.copyFileSync(path.join(root, 'yarn.lock'), path.join(app, 'yarn.lock'));
  const monorepo = JSON.parse(
    fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
  );
  const pkgFile = path.join(app, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  pkg.resolutions = Object.fromEntries(
    Object.entries(monorepo.resolutions).filter(
      ([name, range]) =>
        /^@(backstage|types)\//.test(name) && !range.startsWith('patch:'),
    ),
  );
  // Native builds the monorepo skips (keytar needs libsecret), skipped alike;
  // better-sqlite3's is reused (reuseNativeBuild).
  pkg.dependenciesMeta = {
    ...monorepo.dependenciesMeta,
    [NATIVE_REUSED]: { built: false },
  };
  for (const { pkg: p } of packages) {
    const tgz = path.join(packDir, tarballName(p.name));
    if (!fs.existsSync(tgz)) fail(`no tarball ${tgz}: pack first`);
    pkg.resolutions[p.name] = `file:${tgz}`;
  }
  fs.writeFileSync(pkgFile, `${JSON.stringify(pkg, null, 2)}\n`);
  fs.cpSync(path.join(root, 'examples'), path.join(app, 'examples'), {
    recursive: true,
    filter: src => !src.includes(`${path.sep}handbook`),
  });
  return app;
}

/**
 * better-sqlite3 compiles SQLite from source here (its prebuilt binaries are
 * not on the npm registry): about 70 s on 2 cores. The clean app installs it
 * without its build script, then gets the module this workspace compiled
 * when the version is the same (the app starts from this yarn.lock and runs
 * on the same Node); otherwise it is compiled there, as its install would.
 */
const NATIVE_REUSED = 'better-sqlite3';

function reuseNativeBuild(app) {
  const mine = path.dirname(require_.resolve(`${NATIVE_REUSED}/package.json`));
  const theirs = path.join(app, 'node_modules', NATIVE_REUSED);
  if (!fs.existsSync(theirs)) fail(`the clean app has no ${theirs}`);
  const version = dir =>
    JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const wanted = `${NATIVE_REUSED} ${version(theirs)}`;
  const module = 'build/Release/better_sqlite3.node';
  if (
    fs.existsSync(path.join(mine, module)) &&
    version(mine) === version(theirs)
  ) {
    fs.mkdirSync(path.dirname(path.join(theirs, module)), { recursive: true });
    fs.copyFileSync(path.join(mine, module), path.join(theirs, module));
    log(`${wanted}: this workspace's native build reused`);
  } else {
    log(`${wanted}: compiling its native module`);
    const nodeGyp = path.join(root, 'node_modules/.bin/node-gyp');
    run(nodeGyp, ['rebuild', '--release'], theirs);
  }
}

/** Follows every installable plugin's README in the app folder. */
function followReadmes(app, packDir) {
  const adds = new Map(); // cwd -> package specs, in README order
  const backend = { imports: [], adds: [] };
  for (const { dir, pkg } of packages) {
    if (!INSTALL_ROLES.includes(pkg.backstage?.role)) continue;
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8');
    const section = installSection(readme, pkg.name);
    for (const step of yarnAdds(section, pkg.name)) {
      const specs = adds.get(step.cwd) ?? [];
      for (const name of step.packages) {
        const spec = name.startsWith('@onramp/')
          ? `${name}@file:${path.join(packDir, tarballName(name))}`
          : name;
        if (!specs.includes(spec)) specs.push(spec);
      }
      adds.set(step.cwd, specs);
    }
    if (pkg.backstage.role !== 'frontend-plugin') {
      const lines = backendLines(section);
      backend.imports.push(...lines.imports);
      backend.adds.push(...lines.adds);
    }
  }
  const env = { YARN_ENABLE_IMMUTABLE_INSTALLS: 'false' };
  for (const [cwd, specs] of adds) {
    run('yarn', ['--cwd', cwd, 'add', ...specs], app, env);
  }
  reuseNativeBuild(app);
  const indexFile = path.join(app, 'packages/backend/src/index.ts');
  const indexTs = withBackendLines(fs.readFileSync(indexFile, 'utf8'), backend);
  fs.writeFileSync(indexFile, indexTs);
  log(`packages/backend/src/index.ts after the READMEs:\n${indexTs}`);
}

async function waitForBackend(base, child, logFile) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${base}/.backstage/health/v1/readiness`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 2000));
  }
  const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-60);
  fail(`the backend did not become ready:\n${tail.join('\n')}`);
}

async function main(argv) {
  const chromium = process.env.ONRAMP_CHROMIUM ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    fail(
      `No Chromium at ${chromium}: install Debian's 'chromium' package or set ONRAMP_CHROMIUM.`,
    );
  }
  const keep = argv.includes('--keep');
  const port = process.env.ONRAMP_INSTALL_PORT ?? '7017';
  const base = `http://localhost:${port}`;
  // Never check some other server that happens to listen on the port.
  if (
    await fetch(base).then(
      () => true,
      () => false,
    )
  ) {
    fail(`something already listens on ${base} (set ONRAMP_INSTALL_PORT)`);
  }
  const packDir = packTarballs(argv);
  const app = prepareApp(packDir);
  log(`clean app in ${app}`);
  const times = {};
  let mark = Date.now();
  followReadmes(app, packDir);
  times.install = seconds(mark);

  mark = Date.now();
  // Its list of bundle sizes is left out; errors go to stderr.
  run('yarn', ['workspace', 'app', 'build'], app, {}, 'ignore');
  times['app build'] = seconds(mark);

  const env = {
    ...process.env,
    ONRAMP_INSTALL_PORT: port,
    ONRAMP_INSTALL_DATA: path.join(app, 'data'),
  };
  const logFile = path.join(app, 'backend.log');
  const out = fs.openSync(logFile, 'w');
  mark = Date.now();
  log(`starting the backend on ${base} (log: ${logFile})`);
  const backend = spawn('yarn', ['workspace', 'backend', 'start'], {
    cwd: app,
    env,
    detached: true,
    stdio: ['ignore', out, out],
  });
  let status = 1;
  try {
    await waitForBackend(base, backend, logFile);
    times['backend start'] = seconds(mark);
    mark = Date.now();
    run(
      'yarn',
      ['playwright', 'test', '-c', 'install-check/playwright.config.ts'],
      root,
      { ONRAMP_INSTALL_URL: base, ONRAMP_INSTALL_APP: app },
    );
    times.browser = seconds(mark);
    status = 0;
  } finally {
    if (backend.exitCode === null) process.kill(-backend.pid, 'SIGTERM');
    if (status) {
      const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40);
      log(`backend log (last 40 lines):\n${tail.join('\n')}`);
    }
    if (keep || status) log(`the app stays in ${app}`);
    else {
      // Its node_modules take minutes to delete on a busy machine: not the
      // check's time, so it goes on in the background.
      spawn('rm', ['-rf', app], { detached: true, stdio: 'ignore' }).unref();
    }
  }
  log(
    `passed: ${Object.entries(times)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; total ${seconds(t0)}`,
  );
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  main(process.argv.slice(2)).catch(error => {
    log(
      error.name === 'InstallCheckError' ? error.message : String(error.stack),
    );
    process.exit(1);
  });
}

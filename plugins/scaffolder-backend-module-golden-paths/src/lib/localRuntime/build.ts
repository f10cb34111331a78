import { promises as fs } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { git } from '../git';

/** A service built for the local runtime: what runs it, and where. */
export interface LocalBuild {
  /** The checkout; the working directory of the process. */
  dir: string;
  /** The entry script, relative to dir. */
  entry: string;
  /** `node` (a package.json) or the machine's `python` (app.py or main.py, no package.json). */
  kind: 'node' | 'python';
}

const PYTHON_ENTRIES = ['app.py', 'main.py'];

async function exists(file: string) {
  return Boolean(await fs.stat(file).catch(() => undefined));
}

/** A Python project: no package.json, and app.py or main.py at the top. */
async function pythonEntry(dir: string): Promise<string | undefined> {
  if (await exists(path.join(dir, 'package.json'))) return undefined;
  for (const entry of PYTHON_ENTRIES) {
    if (await exists(path.join(dir, entry))) return entry;
  }
  return undefined;
}

/** The script `npm start` would run: `node <file>`, else `main`, else dist/index.js. */
function entryOf(pkg: any): string {
  const start = String(pkg?.scripts?.start ?? '');
  const match = start.match(/^node\s+([\w./-]+\.c?js)\s*$/);
  if (match) return match[1];
  if (typeof pkg?.main === 'string') return pkg.main;
  return 'dist/index.js';
}

/**
 * Transpiles the project's TypeScript with the portal's own `typescript`
 * (no type check, no network, no node_modules of the service): every file
 * the tsconfig includes, tests excepted, goes to its outDir as JavaScript.
 */
function transpile(dir: string) {
  const configFile = path.join(dir, 'tsconfig.json');
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) {
    throw new Error(
      `tsconfig.json: ${ts.flattenDiagnosticMessageText(
        read.error.messageText,
        '\n',
      )}`,
    );
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir);
  const options = parsed.options;
  const outDir = options.outDir ?? dir;
  const rootDir = options.rootDir ?? dir;
  const written: Array<[string, string]> = [];
  for (const file of parsed.fileNames) {
    if (file.endsWith('.d.ts') || /\.test\.[cm]?ts$/.test(file)) continue;
    const source = ts.sys.readFile(file) ?? '';
    const out = ts.transpileModule(source, {
      compilerOptions: { ...options, sourceMap: false, declaration: false },
      fileName: file,
      reportDiagnostics: true,
    });
    const problem = out.diagnostics?.find(
      d => d.category === ts.DiagnosticCategory.Error,
    );
    if (problem) {
      throw new Error(
        `${path.relative(dir, file)}: ${ts.flattenDiagnosticMessageText(
          problem.messageText,
          '\n',
        )}`,
      );
    }
    const rel = path.relative(rootDir, file).replace(/\.([cm]?)ts$/, '.$1js');
    written.push([path.join(outDir, rel), out.outputText]);
  }
  return written;
}

/**
 * Checks out `commit` of the source repository into `target` and builds it.
 * A TypeScript project (tsconfig.json) is transpiled; a JavaScript one runs
 * as it is; a Python one (app.py or main.py, no package.json) runs on the
 * machine's Python as it is (standard library and the machine's packages:
 * nothing is installed).
 */
export async function buildService(options: {
  remote: string;
  commit: string;
  target: string;
}): Promise<LocalBuild> {
  const { remote, commit, target } = options;
  const pkgFile = path.join(target, 'package.json');
  const ready = path.join(target, '.onramp-built');
  if (await exists(ready)) {
    const python = await pythonEntry(target);
    if (python) return { dir: target, entry: python, kind: 'python' };
    const pkg = JSON.parse(await fs.readFile(pkgFile, 'utf8'));
    return { dir: target, entry: entryOf(pkg), kind: 'node' };
  }
  await fs.rm(target, { recursive: true, force: true });
  await fs.mkdir(path.dirname(target), { recursive: true });
  await git(['clone', '--quiet', '--no-checkout', remote, target]);
  await git(['checkout', '--quiet', '--detach', commit], { cwd: target });
  const python = await pythonEntry(target);
  if (python) {
    await fs.writeFile(ready, `${commit}\n`);
    return { dir: target, entry: python, kind: 'python' };
  }
  const pkg = await fs
    .readFile(pkgFile, 'utf8')
    .then(JSON.parse)
    .catch(() => ({}));
  if (await exists(path.join(target, 'tsconfig.json'))) {
    for (const [file, text] of transpile(target)) {
      await fs.mkdir(path.dirname(file), { recursive: true });
      await fs.writeFile(file, text);
    }
  }
  const entry = entryOf(pkg);
  if (!(await exists(path.join(target, entry)))) {
    throw new Error(
      `the build has no ${entry} (package.json scripts.start or main; a Python service has app.py or main.py and no package.json)`,
    );
  }
  await fs.writeFile(ready, `${commit}\n`);
  return { dir: target, entry, kind: 'node' };
}

import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Finds a binary from a Debian package. When it is missing outside CI the
 * caller skips its tests with a loud message; in CI (CI=true) the missing
 * binary is an error, so the suite cannot silently pass.
 */
export function requireBinary(binary: string, aptPackages: string) {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], {
    encoding: 'utf8',
  });
  const binaryPath = found.status === 0 ? found.stdout.trim() : undefined;
  if (binaryPath) return { available: true as const, path: binaryPath };
  const message = `${binary} not found: install it with 'apt-get install ${aptPackages}'`;
  if (process.env.CI) {
    throw new Error(`${message} (required when CI is set)`);
  }
  // eslint-disable-next-line no-console
  console.warn(`\n\n!!!!! SKIPPING real-server tests: ${message} !!!!!\n\n`);
  return { available: false as const };
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until fn resolves truthy or the time is up. */
export async function waitFor(
  what: string,
  fn: () => Promise<boolean>,
  timeoutMs = 20000,
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fn().catch(() => false)) return;
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

/** Stops a started server and waits for it to exit. */
export async function stopProcess(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise(r => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise(r => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

/**
 * Starts a real Prometheus on a free loopback port with a rules folder and a
 * file_sd folder (targets/*.json, scraped every second).
 */
export async function startPrometheus(dir: string, binary: string) {
  const port = await freePort();
  const rulesDir = path.join(dir, 'rules');
  const fileSdDir = path.join(dir, 'targets');
  await fs.mkdir(rulesDir, { recursive: true });
  await fs.mkdir(fileSdDir, { recursive: true });
  const configFile = path.join(dir, 'prometheus.yml');
  await fs.writeFile(
    configFile,
    [
      'global:',
      '  evaluation_interval: 1s',
      '  scrape_interval: 1s',
      'rule_files:',
      `  - ${JSON.stringify(path.join(rulesDir, '*.yml'))}`,
      'scrape_configs:',
      '  - job_name: golden-paths',
      '    file_sd_configs:',
      `      - files: [${JSON.stringify(path.join(fileSdDir, '*.json'))}]`,
      '',
    ].join('\n'),
  );
  const output: string[] = [];
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-lifecycle',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', d => output.push(String(d)));
  child.stderr?.on('data', d => output.push(String(d)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor('Prometheus to be ready', async () => {
      if (child.exitCode !== null) {
        throw new Error(`prometheus exited: ${output.join('')}`);
      }
      return (await fetch(`${url}/-/ready`)).ok;
    });
  } catch (e) {
    await stopProcess(child);
    throw new Error(`${e}\n${output.join('').slice(-2000)}`);
  }
  return { url, rulesDir, fileSdDir, child };
}

/** A started Prometheus and the temporary folder it runs in. */
export type RealPrometheus = Awaited<ReturnType<typeof startPrometheus>> & {
  root: string;
};

/**
 * Starts a real Prometheus for the enclosing describe, in a fresh temporary
 * folder, hands it to `use`, and stops it (and removes the folder) after.
 */
export function useRealPrometheus(
  binary: string,
  prefix: string,
  use: (server: RealPrometheus) => void,
) {
  let server: RealPrometheus | undefined;
  beforeAll(async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), `${prefix}-`));
    server = { root, ...(await startPrometheus(root, binary)) };
    use(server);
  }, 30000);
  afterAll(async () => {
    await stopProcess(server?.child);
    if (server) await fs.rm(server.root, { recursive: true, force: true });
  });
}

/** Starts a real bind9 (named) on a free loopback port with a TSIG-updatable zone. */
export async function startBind(
  dir: string,
  binary: string,
  zone: string,
  extraRecords: string[] = [],
) {
  const port = await freePort();
  const keyName = 'gp-test-key';
  const keySecret = randomBytes(32).toString('base64');
  const zoneFile = path.join(dir, `${zone}.zone`);
  await fs.writeFile(
    zoneFile,
    [
      '$TTL 300',
      `@ IN SOA ns.${zone}. hostmaster.${zone}. 1 3600 600 86400 300`,
      `@ IN NS ns.${zone}.`,
      'ns IN A 127.0.0.1',
      ...extraRecords,
      '',
    ].join('\n'),
  );
  const conf = path.join(dir, 'named.conf');
  await fs.writeFile(
    conf,
    `options {
  directory "${dir}";
  pid-file "${dir}/named.pid";
  session-keyfile "${dir}/session.key";
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
};
controls { };
key "${keyName}" { algorithm hmac-sha256; secret "${keySecret}"; };
zone "${zone}" { type primary; file "${zoneFile}"; allow-update { key "${keyName}"; }; };
`,
  );
  const output: string[] = [];
  const child = spawn(binary, ['-g', '-c', conf, '-n', '1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', d => output.push(String(d)));
  child.stderr?.on('data', d => output.push(String(d)));
  try {
    await waitFor('named to answer', async () => {
      if (child.exitCode !== null) {
        throw new Error(`named exited: ${output.join('')}`);
      }
      const res = spawnSync(
        'dig',
        [`@127.0.0.1`, '-p', String(port), '+short', zone, 'SOA'],
        {
          encoding: 'utf8',
        },
      );
      return res.status === 0 && res.stdout.includes('hostmaster');
    });
  } catch (e) {
    await stopProcess(child);
    throw new Error(`${e}\n${output.join('').slice(-2000)}`);
  }
  return { port, keyName, keySecret, child };
}

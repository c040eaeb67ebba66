// A real PostgreSQL 15 for the extension's tests and benchmark: a new cluster in a temporary directory (initdb),
// reachable through a Unix socket only, started and stopped by the test. As root (CI) the server
// runs as the unprivileged `postgres` user that Debian's package creates, since PostgreSQL refuses
// to run as root. The extension is installed first with `cmake --install --component postgres`
// into the directories this PostgreSQL reads (pg_config), which needs root.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const bin = '/usr/lib/postgresql/15/bin';
const isRoot = process.getuid?.() === 0;

function run(command, args, options = {}) {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...options });
  if (r.error) throw r.error;
  return r;
}

// `command` as the server's user: `postgres` under root, else the current user.
function asServerUser(command, args) {
  return isRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args);
}

/** Installs the extension built in build/native into this machine's PostgreSQL 15. */
export function installExtension() {
  assert.ok(existsSync(path.join(bin, 'postgres')), `PostgreSQL 15 is not installed (${bin}): run scripts/setup.sh`);
  assert.ok(existsSync(path.join(repoRoot, 'build/native/bindings/postgres/leadscore.so')),
    'the extension is not built (build/native/bindings/postgres/leadscore.so): run scripts/build.sh native');
  const r = run('cmake', ['--install', path.join(repoRoot, 'build/native'), '--component', 'postgres']);
  assert.equal(r.status, 0, `installing the extension failed (root is needed to write PostgreSQL's directories):\n${r.stderr}`);
}

/**
 * Starts a throw-away cluster; returns {sql(text) -> {status, stdout, stderr}, rows(text) -> lines,
 * stop()}. `settings` are extra postgresql.conf lines.
 */
export function startPostgres(settings = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'leadscore-pg-'));
  chmodSync(dir, 0o777);
  const data = path.join(dir, 'data');
  let r = asServerUser(path.join(bin, 'initdb'), ['-D', data, '-U', 'tester', '--auth=trust', '-E', 'UTF8',
    '--locale=C', '--no-sync']);
  assert.equal(r.status, 0, `initdb failed:\n${r.stderr}`);
  const conf = ["listen_addresses = ''", `unix_socket_directories = '${dir}'`, 'fsync = off',
    'max_worker_processes = 8', 'max_parallel_workers = 4', ...settings];
  appendFileSync(path.join(data, 'postgresql.conf'), `\n${conf.join('\n')}\n`);
  r = asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', 'start']);
  assert.equal(r.status, 0, `pg_ctl start failed:\n${r.stderr}${r.stdout}`);
  const psqlArgs = ['-h', dir, '-U', 'tester', '-d', 'postgres', '-X', '-q', '-v', 'ON_ERROR_STOP=1'];
  const sql = (text, extra = []) => run('psql', [...psqlArgs, ...extra], { input: text });
  return {
    dir,
    sql,
    /** Runs `text`; returns the output lines of its queries (unaligned, tuples only). Fails on error. */
    rows(text) {
      const out = sql(text, ['-A', '-t']);
      assert.equal(out.status, 0, `psql failed:\n${out.stderr}`);
      return out.stdout.split('\n').filter((line) => line !== '');
    },
    stop() {
      asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A CSV field (RFC 4180 quoting) for psql's \copy ... CSV. */
export const csvField = (value) => (value === null || value === undefined ? '' : `"${String(value).replace(/"/g, '""')}"`);

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

// A CouchDB-compatible server for tests: pouchdb-server --in-memory on 127.0.0.1, on a free
// port, started and stopped by the test itself. Killed, it loses everything, as a server whose
// disk was replaced would.

const BIN = resolve(import.meta.dirname, '../../node_modules/pouchdb-server/bin/pouchdb-server');

/** A running test server. */
export interface CouchServer {
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        done(port);
      });
    });
  });
}

async function waitUntilUp(origin: string, child: ChildProcess, log: string[]): Promise<void> {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited:\n${log.join('')}`);
    try {
      const response = await fetch(origin);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pouchdb-server did not answer on ${origin} within 30 s:\n${log.join('')}`);
}

/** Starts pouchdb-server in memory on a free loopback port. */
export async function startCouchServer(): Promise<CouchServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${String(port)}`;
  let child: ChildProcess | null = null;
  const log: string[] = [];
  // Its config.json and log.txt go to a scratch folder of its own, never the repository.
  const scratch = mkdtempSync(join(tmpdir(), 'claimmark-couch-'));
  const launch = async () => {
    const started = spawn(
      process.execPath,
      [BIN, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs'],
      { cwd: scratch, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child = started;
    await waitUntilUp(origin, started, log);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((r) => running.once('exit', r));
    running.kill('SIGKILL');
    await exited;
  };
  await launch();
  return {
    origin,
    port,
    kill,
    restart: launch,
    async stop() {
      await kill();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

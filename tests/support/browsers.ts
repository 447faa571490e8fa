// Finds the browsers the end-to-end tests and `npm start` drive, installing Debian's packages
// when they are missing and we are allowed to (root with apt-get), as a fresh CI machine needs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type BrowserKind = 'chromium' | 'firefox';

interface BrowserSpec {
  env: string;
  path: string;
  aptPackage: string;
  label: string;
}

const SPECS: Record<BrowserKind, BrowserSpec> = {
  chromium: {
    env: 'CHROME_PATH',
    path: '/usr/bin/chromium',
    aptPackage: 'chromium',
    label: 'Chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    path: '/usr/bin/firefox-esr',
    aptPackage: 'firefox-esr',
    label: 'Firefox ESR',
  },
};

/** Where the browser is, from its environment variable or Debian's path; null when absent. */
export function findBrowser(kind: BrowserKind): string | null {
  const spec = SPECS[kind];
  const fromEnv = process.env[spec.env];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return existsSync(spec.path) ? spec.path : null;
}

/** Like findBrowser, but throws one line saying how to get the browser. */
export function requireBrowser(kind: BrowserKind): string {
  const found = findBrowser(kind);
  if (found) return found;
  const spec = SPECS[kind];
  const where = process.env[spec.env]
    ? `${spec.env}=${process.env[spec.env]} does not exist`
    : `${spec.path} is missing`;
  throw new Error(
    `${spec.label} not found (${where}): run "apt-get install -y ${spec.aptPackage}" as root, or set ${spec.env} to a ${spec.label} binary.`,
  );
}

function canApt(): boolean {
  return (
    process.getuid?.() === 0 &&
    spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0
  );
}

let aptUpdated = false;

function aptInstall(pkg: string): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', pkg], {
    stdio: 'inherit',
    env,
  });
}

/** Finds the browser, installing it from Debian when that is possible; throws otherwise. */
export function ensureBrowser(kind: BrowserKind): string {
  const found = findBrowser(kind);
  if (found) return found;
  const spec = SPECS[kind];
  if (!process.env[spec.env] && canApt()) {
    console.error(`${spec.label} is missing: installing Debian's ${spec.aptPackage} package…`);
    aptInstall(spec.aptPackage);
  }
  return requireBrowser(kind);
}

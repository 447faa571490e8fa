// `npm start`: build the Chrome extension, serve the sample article on 127.0.0.1 and open
// Chromium with Claimmark loaded on it, in a throwaway profile.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureBrowser } from '../tests/support/browsers';
import { startStaticServer } from '../tests/support/static-server';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output', 'chrome-mv3');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let chromium: string;
try {
  chromium = ensureBrowser('chromium');
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail(
    'No display: Chromium needs a window. Set DISPLAY, or run "xvfb-run npm start" (apt-get install xvfb).',
  );
}

const build = spawnSync('npx', ['wxt', 'build', '-b', 'chrome'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) fail('The build failed; see above.');

const server = await startStaticServer({ '/sample/': join(root, 'scripts', 'sample') }, 4173).catch(
  () => startStaticServer({ '/sample/': join(root, 'scripts', 'sample') }),
);
const article = `${server.origin}/sample/budapest-summit.html`;
const profile = mkdtempSync(join(tmpdir(), 'claimmark-profile-'));
const args = [
  `--user-data-dir=${profile}`,
  `--disable-extensions-except=${extension}`,
  `--load-extension=${extension}`,
  '--no-first-run',
  '--no-default-browser-check',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  article,
];
console.log(`Claimmark is loaded; the sample article is at ${article}. Close Chromium to stop.`);
const child = spawn(chromium, args, { stdio: 'inherit' });
const stop = () => {
  void server.close();
  rmSync(profile, { recursive: true, force: true });
};
child.on('exit', (code) => {
  stop();
  process.exit(code ?? 0);
});
process.on('SIGINT', () => child.kill('SIGTERM'));

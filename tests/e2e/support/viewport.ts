/**
 * The browser window's size for end-to-end tests. `CLAIMMARK_E2E_WIDTH` (and `…_HEIGHT`) change
 * it, so the suite can be run where line breaks fall elsewhere:
 * `CLAIMMARK_E2E_WIDTH=900 npm run test:e2e`.
 */
export function e2eViewport(): { width: number; height: number } {
  return {
    width: sizeFrom('CLAIMMARK_E2E_WIDTH', 1280),
    height: sizeFrom('CLAIMMARK_E2E_HEIGHT', 720),
  };
}

function sizeFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 320 || value > 4000) {
    throw new Error(`${name}=${raw}: expected a whole number of pixels from 320 to 4000`);
  }
  return value;
}

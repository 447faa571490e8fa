// Run before the end-to-end tests: both browsers must be there, or the run stops here with
// one line saying how to get them. End-to-end tests never skip silently.
import { ensureBrowser } from '../tests/support/browsers';

try {
  for (const kind of ['chromium', 'firefox'] as const) {
    console.log(`${kind}: ${ensureBrowser(kind)}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

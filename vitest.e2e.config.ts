import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers: one file at a time, generous timeouts, no retries.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A condition is awaited, never a fixed time: a loaded machine may take seconds to get there.
    expect: { poll: { timeout: 10_000 } },
  },
});

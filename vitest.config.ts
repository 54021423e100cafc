import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // e2e tests spawn the real bot process; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Each e2e file starts its own emulator and bot process; two at a time suits 2 cores.
    maxWorkers: 2,
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'jupyterlab',
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['./vitest.setup.ts'],
    // Sized for a loaded two-core CI machine (speed is measured in the benchmark, not here).
    testTimeout: 60_000,
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'kernel',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Sized for a loaded two-core CI machine: tests that spawn processes or run thousands of
    // property cases must not fail on time alone (speed is measured in the benchmark).
    testTimeout: 60_000,
  },
});

import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'core',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Sized for a loaded two-core CI machine: tests that spawn processes or run thousands of
    // property cases must not fail on time alone (speed is measured in the benchmark).
    testTimeout: 60_000,
    // Every test input goes through the WebAssembly SIMD kernels (src/wasm), however small; the
    // 'core-js' project (root vitest.config.mts) runs the loss tests again on the JS path.
    env: { LOSSLAB_WASM_MIN: '0' },
  },
});

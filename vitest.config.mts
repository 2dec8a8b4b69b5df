import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'packages/*',
      'test',
      {
        // The losses and metrics that have WebAssembly SIMD kernels, on the JS path (the 'core'
        // project runs them through the kernels): both paths against the same references.
        test: {
          name: 'core-js',
          root: './packages/core',
          environment: 'node',
          testTimeout: 60_000,
          include: [
            'src/losses/{mse,mae,huber,smoothL1,logCosh,bce,bceWithLogits}Loss.test.ts',
            'src/losses/{softmaxCrossEntropy,bceLabelSmoothing,torchParity,finiteOrNamed}.test.ts',
            'src/losses/{breadthFinite,classTargets}.test.ts',
            'src/metrics/mean{Squared,Absolute}Error.test.ts',
          ],
          env: { LOSSLAB_NO_WASM: '1' },
        },
      },
    ],
  },
});

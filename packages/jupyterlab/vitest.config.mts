import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'jupyterlab',
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['./vitest.setup.ts'],
  },
});

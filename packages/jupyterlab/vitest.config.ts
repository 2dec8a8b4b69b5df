import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'jupyterlab',
    include: ['src/**/*.test.ts'],
    environment: 'jsdom',
  },
});

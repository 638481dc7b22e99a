import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: servers started by tests (Azurite, Event Hubs, fastify) need room.
    maxWorkers: 2,
    // Memory tests measure the heap after a full collection.
    execArgv: ['--expose-gc'],
  },
});

import { defineConfig } from 'vitest/config'

export default defineConfig({
  // Tests run outside Next, where the 'server-only' marker resolves to a no-op.
  resolve: { alias: { '@': import.meta.dirname, 'server-only': `${import.meta.dirname}/lib/node/server-only.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/integration/setup.ts'],
          // One database: files run one after another.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
})

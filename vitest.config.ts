import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  resolve: {
    alias: {
      // Logic must not depend on Electron: importing it in a unit test throws.
      electron: fileURLToPath(new URL('./test/support/electron-forbidden.ts', import.meta.url)),
      // The testing kit's examples (test/kit) import it as its users do: here, from its source.
      'notify-console/sandbox': fileURLToPath(new URL('./src-sandbox/kit/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/kit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});

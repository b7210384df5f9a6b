import { readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { SummaryLineReporter } from './scripts/summary-reporter.ts';

/** Tests run on the sources: the `@s2b2b/source` export condition points every package at `src/index.ts`. */
// Vite's default server conditions, with ours first.
const conditions = ['@s2b2b/source', 'module', 'node', 'development|production'];

const packages = readdirSync(new URL('./packages', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: ['@s2b2b/source'] } },
  test: {
    // fast-check prints the seed and path of every failing property; keep it visible.
    printConsoleTrace: false,
    reporters: ['default', new SummaryLineReporter()],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: { name, root: `packages/${name}`, include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
      })),
      {
        extends: true as const,
        test: { name: 'examples', root: 'examples', include: ['src/**/*.test.ts'] },
      },
      {
        extends: true as const,
        test: { name: 'embed-express', root: 'examples/embed-express', include: ['src/**/*.test.ts'] },
      },
    ],
  },
});

import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// The worker script of `forecastMany({ workers })` is built beside the entry (dist/forecast-worker.js
// and .cjs), where the pool looks for it; `shims` gives the CommonJS build `import.meta.url`.
export default defineConfig(
  packageBuild({
    entry: { index: 'src/index.ts', 'forecast-worker': 'src/forecast/forecast-worker.ts' },
    shims: true,
  }),
);

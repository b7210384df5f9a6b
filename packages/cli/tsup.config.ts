import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

// The bundled examples are private source: build them into the cli, keep every published
// @s2b2b/* package (and pg, PGlite) external.
const noExternal = ['@s2b2b/examples'];

export default defineConfig([
  // The library: ESM + CJS + declarations, from src/index.ts. Its clean keeps the bin's output.
  packageBuild({ noExternal, clean: ['!bin.js', '!bin.js.map'] }),
  // The `s2b2b` executable: ESM only, with a shebang, importing the library build beside it.
  packageBuild({
    entry: ['src/bin.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
    noExternal,
    external: ['./index.js'],
    banner: { js: '#!/usr/bin/env node' },
  }),
]);

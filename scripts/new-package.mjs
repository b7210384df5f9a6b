// Writes the package.json / tsconfig.json / tsup.config.ts skeleton every @s2b2b package shares.
// Usage: node scripts/new-package.mjs <dir-name> "<description>"
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const [dir, description = ''] = process.argv.slice(2);
if (!dir) throw new Error('usage: node scripts/new-package.mjs <dir-name> "<description>"');
const root = new URL(`../packages/${dir}/`, import.meta.url);
mkdirSync(new URL('src/', root), { recursive: true });
const pkg = {
  name: `@s2b2b/${dir}`,
  version: '0.1.0',
  description,
  license: 'MIT',
  type: 'module',
  sideEffects: false,
  engines: { node: '>=20' },
  exports: {
    '.': {
      '@s2b2b/source': './src/index.ts',
      import: { types: './dist/index.d.ts', default: './dist/index.js' },
      require: { types: './dist/index.d.cts', default: './dist/index.cjs' },
    },
    './package.json': './package.json',
  },
  main: './dist/index.cjs',
  module: './dist/index.js',
  types: './dist/index.d.cts',
  files: ['dist', 'src', '!src/**/*.test.ts', 'README.md'],
  scripts: {
    build: 'tsup',
    typecheck: 'tsc -p tsconfig.json',
  },
  publishConfig: { access: 'public' },
  repository: {
    type: 'git',
    url: 'git+https://github.com/s2b2b/s2b2b-kit.git',
    directory: `packages/${dir}`,
  },
  keywords: ['s2b2b', 'b2b', 'e-commerce', 'supply-chain'],
  dependencies: {},
};
const write = (name, text) => {
  const url = new URL(name, root);
  if (!existsSync(url)) writeFileSync(url, text);
};
write('package.json', `${JSON.stringify(pkg, null, 2)}\n`);
write(
  'tsconfig.json',
  `${JSON.stringify({ extends: '../../tsconfig.base.json', include: ['src', 'test', 'bench', 'tsup.config.ts'] }, null, 2)}\n`,
);
write(
  'tsup.config.ts',
  "import { defineConfig } from 'tsup';\nimport { packageBuild } from '../../tsup.shared.ts';\n\nexport default defineConfig(packageBuild());\n",
);

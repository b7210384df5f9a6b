// Runs every benchmark (packages/*/bench/*.bench.ts and bench/*.bench.ts) on the sources,
// one process each; each prints its own markdown tables. `pnpm bench core` runs those whose
// path contains "core".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const filter = process.argv[2];
const files = [];
const collect = (dir) => {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) if (name.endsWith('.bench.ts')) files.push(join(dir, name));
};
for (const pkg of readdirSync(join(root, 'packages')).sort()) collect(join(root, 'packages', pkg, 'bench'));
collect(join(root, 'bench'));

const selected = files.filter((file) => !filter || relative(root, file).includes(filter));
if (selected.length === 0) {
  console.error(`no benchmark matches ${JSON.stringify(filter)}`);
  process.exit(1);
}
let failed = false;
for (const file of selected) {
  console.log(`\n## ${relative(root, file)}\n`);
  const run = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['--conditions=@s2b2b/source', file], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

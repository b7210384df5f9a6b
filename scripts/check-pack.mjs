// Packs every publishable package the way `pnpm publish` would (workspace ranges rewritten)
// and checks the tarball with publint --strict and attw. Fails on any problem.
// Run after `pnpm build`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, '.pack');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

const bin = (name) => join(root, 'node_modules', '.bin', name);
const failures = [];
for (const dir of readdirSync(join(root, 'packages')).sort()) {
  const cwd = join(root, 'packages', dir);
  const pkg = JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  process.stdout.write(`\n## ${pkg.name}\n`);
  try {
    const packed = execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd, encoding: 'utf8' });
    const tarball = packed.trim().split('\n').at(-1);
    execFileSync(bin('publint'), ['--strict', tarball], { cwd, stdio: 'inherit' });
    execFileSync(bin('attw'), [tarball, '--format', 'ascii'], { cwd, stdio: 'inherit' });
  } catch (error) {
    failures.push(pkg.name);
    process.stdout.write(`${pkg.name}: ${error.message.split('\n')[0]}\n`);
  }
}
rmSync(out, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`\ncheck:pack failed for ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\ncheck:pack: every package passes publint --strict and attw');

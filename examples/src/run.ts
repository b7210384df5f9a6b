/**
 * Runs one example on its own, printing to the console:
 *
 *   pnpm --filter @s2b2b/examples exec tsx --conditions=@s2b2b/source src/run.ts money-allocation
 *
 * Without a name (or with an unknown one) it lists the examples.
 */
import type { ExampleIo } from './example.js';
import { EXAMPLES, findExample } from './index.js';

const consoleIo: ExampleIo = {
  log: (text = '') => console.log(text),
  table: (rows) => console.table(rows),
};

const name = process.argv[2];
const example = name === undefined ? undefined : findExample(name);
if (example === undefined) {
  if (name !== undefined) console.error(`unknown example "${name}"`);
  console.error('usage: tsx --conditions=@s2b2b/source src/run.ts <name>\n\nexamples:');
  for (const { meta } of EXAMPLES) console.error(`  ${meta.name.padEnd(20)} ${meta.title}`);
  process.exitCode = name === undefined ? 0 : 2;
} else {
  console.log(`${example.meta.title}\n`);
  await example.run(consoleIo);
}

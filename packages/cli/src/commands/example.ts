import { EXAMPLES, type ExampleIo, findExample } from '@s2b2b/examples';
import type { Command } from '../command.js';
import { suggest } from '../suggest.js';
import { UsageError } from '../usage-error.js';

/** One piece of an example's output, as `--json` reports it. */
export type ExampleOutput =
  | { type: 'text'; text: string }
  | { type: 'table'; rows: Record<string, string | number>[] };

/**
 * `s2b2b example <name>` runs one of the bundled examples; `s2b2b example --list` lists them.
 *
 * @example
 * await runCli(['example', 'money-allocation'], io)
 */
export const exampleCommand: Command = {
  name: 'example',
  synopsis: 'example <name>',
  summary: 'Run one of the bundled examples (example --list shows them)',
  usage: ['example <name>', 'example --list'],
  options: [{ name: 'list', type: 'boolean', description: 'List the examples' }],
  globals: ['json', 'verbose'],
  description: [
    'Each example is a short, self-contained program on one capability of the kit, using',
    'in-memory storage, a fixed clock and seeded ids, so it prints the same every time.',
    'Its source is in the repository under examples/src/<name>.ts.',
    '',
    'Examples:',
    ...EXAMPLES.map((example) => `  ${example.meta.name.padEnd(20)} ${example.meta.title}`),
  ],
  examples: ['example --list', 'example money-allocation', 'example event-outbox --json'],
  async run({ args, options, out }) {
    const names = EXAMPLES.map((example) => example.meta.name);
    if (options.list === true) {
      if (args.length > 0) throw new UsageError('example --list takes no name');
      out.table(
        EXAMPLES.map((example) => ({ name: example.meta.name, title: example.meta.title })),
        { header: false },
      );
      out.line();
      out.note('Run one with: s2b2b example <name>');
      return { examples: EXAMPLES.map((example) => ({ ...example.meta })) };
    }
    const [name, ...extra] = args;
    if (name === undefined) {
      throw new UsageError(`example needs a name: one of ${names.join(', ')} (or --list)`);
    }
    if (extra.length > 0) throw new UsageError(`example takes one name, got ${args.length}`);
    const example = findExample(name);
    if (!example) {
      const hint = suggest(name, names);
      throw new UsageError(
        `unknown example "${name}"${hint ? ` (did you mean "${hint}"?)` : ''}; known examples: ${names.join(', ')}`,
      );
    }

    const output: ExampleOutput[] = [];
    const io: ExampleIo = {
      log(text = '') {
        output.push({ type: 'text', text });
        out.line(text);
      },
      table(rows) {
        output.push({ type: 'table', rows: rows.map((row) => ({ ...row })) });
        out.table(rows);
      },
    };
    out.line(out.bold(example.meta.title));
    out.paragraph(example.meta.description, { dim: true });
    out.line();
    await example.run(io);
    return { example: { ...example.meta }, output };
  },
};

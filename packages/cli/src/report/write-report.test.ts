import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderReport } from './render.js';
import { sampleReport } from './sample-report.js';
import { writeReport } from './write-report.js';

describe('writeReport', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 's2b2b-report-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('creates the folders and writes the rendered HTML', async () => {
    const target = join(dir, 'out', 'day', 'report.html');
    const written = await writeReport(sampleReport(), target);
    const html = await readFile(target, 'utf8');
    expect(written).toEqual({ path: target, bytes: Buffer.byteLength(html, 'utf8') });
    expect(html).toBe(renderReport(sampleReport()));
  });

  it('writes nothing for a malformed model or an empty path', async () => {
    const model = sampleReport();
    model.stock[0]!.reserved = -1;
    const target = join(dir, 'never', 'report.html');
    await expect(writeReport(model, target)).rejects.toMatchObject({
      name: 'ValidationError',
      issues: [expect.objectContaining({ path: ['model', 'stock', 0, 'reserved'] })],
    });
    await expect(stat(join(dir, 'never'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(writeReport(sampleReport(), ' ')).rejects.toMatchObject({
      issues: [expect.objectContaining({ path: ['path'] })],
    });
  });
});

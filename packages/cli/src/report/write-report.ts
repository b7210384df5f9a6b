import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ValidationError } from '@s2b2b/core';
import type { PlatformDayReport } from './model.js';
import { renderReport } from './render.js';

/** What `writeReport` wrote. */
export interface WrittenReport {
  /** Absolute path of the HTML file. */
  path: string;
  /** Its size in bytes (UTF-8). */
  bytes: number;
}

/**
 * Renders the report (`renderReport`) and writes it to `path`, creating missing folders first.
 * The model is checked before anything touches the disk: a malformed model writes nothing.
 *
 * @param model - the day's report data
 * @param path - where the HTML goes, e.g. `'.s2b2b/report.html'`
 * @returns the absolute path and the size written
 * @throws ValidationError on `path` when empty, or naming the bad field of the model (nothing written)
 * @example
 * const { path, bytes } = await writeReport(model, 'out/platform-day.html');
 */
export async function writeReport(model: PlatformDayReport, path: string): Promise<WrittenReport> {
  if (typeof path !== 'string' || path.trim() === '') {
    throw ValidationError.field('path', 'Expected the path of the HTML file to write', 'invalid_type');
  }
  const html = renderReport(model);
  const target = resolve(path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, html, 'utf8');
  return { path: target, bytes: Buffer.byteLength(html, 'utf8') };
}

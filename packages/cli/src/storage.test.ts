import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './command-line.js';
import { captureIo } from './io.js';
import { planStorage, redactUrl, storageSession } from './storage.js';
import { UsageError } from './usage-error.js';

describe('planStorage', () => {
  const io = captureIo({ cwd: '/srv/shop' });
  const plan = (...argv: string[]) => planStorage(parseCommandLine(['demo', ...argv], []).flags, io);

  it('defaults to PGlite in .s2b2b/pglite under the working directory', () => {
    expect(plan()).toMatchObject({
      kind: 'pglite',
      schema: 's2b2b',
      location: '.s2b2b/pglite',
      pgliteDir: '/srv/shop/.s2b2b/pglite',
    });
    expect(plan('--data-dir', '/tmp/elsewhere', '--schema', 'shop')).toMatchObject({
      location: '/tmp/elsewhere/pglite',
      schema: 'shop',
    });
  });

  it('plans memory and postgres', () => {
    expect(plan('--storage', 'memory')).toMatchObject({ kind: 'memory', schema: undefined });
    expect(plan('--pg-url', 'postgres://app:secret@db:5432/shop')).toMatchObject({
      kind: 'postgres',
      location: 'postgres://app:***@db:5432/shop',
      pgUrl: 'postgres://app:secret@db:5432/shop',
    });
  });

  it('takes the URL from S2B2B_PG_URL, or refuses postgres without one', () => {
    const flags = parseCommandLine(['demo', '--storage', 'postgres'], []).flags;
    expect(planStorage(flags, captureIo({ env: { S2B2B_PG_URL: 'postgres://localhost/test' } })).pgUrl).toBe(
      'postgres://localhost/test',
    );
    expect(() => planStorage(flags, captureIo({ env: {} }))).toThrow(UsageError);
  });
});

describe('storageSession', () => {
  const memory = planStorage(parseCommandLine(['demo', '--storage', 'memory'], []).flags, captureIo());

  it('opens once, hands every caller the same storage, and closes it', async () => {
    const session = storageSession(memory);
    const [a, b] = await Promise.all([session.open(), session.open()]);
    expect(a).toBe(b);
    expect(a.storage.inventory).toBeDefined();
    await a.storage.transaction(async (tx) => tx.events.append([]));
    await session.close();
    // Closed: the next open() opens a new storage.
    const c = await session.open();
    expect(c).not.toBe(a);
    await session.close();
  });

  it('close() without open() does nothing; a failed open is not kept', async () => {
    await storageSession(memory).close();
    const io = captureIo({ cwd: '/' });
    const broken = storageSession(
      planStorage(parseCommandLine(['demo', '--data-dir', '/dev/null/x'], []).flags, io),
    );
    await expect(broken.open()).rejects.toThrow();
    await expect(broken.close()).resolves.toBeUndefined();
  });
});

describe('redactUrl', () => {
  it('hides the password only', () => {
    expect(redactUrl('postgres://app:secret@db:5432/shop')).toBe('postgres://app:***@db:5432/shop');
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe(
      'postgres://postgres@127.0.0.1:5432/test',
    );
  });
});

// Starts the example backend: `PORT` (default 3000), `HOST` (default 127.0.0.1), PostgreSQL at
// `S2B2B_PG_URL` (schema `S2B2B_PG_SCHEMA`, default `s2b2b`) or embedded PGlite without it.
// SIGINT / SIGTERM shut it down gracefully: open requests finish, then the pool is closed.
import { parseInput, systemClock } from '@s2b2b/core';
import { z } from 'zod';
import { createApp } from './app.js';
import { serve } from './serve.js';
import { openStorage } from './storage.js';

const env = parseInput(
  z.object({
    PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    S2B2B_PG_URL: z.string().min(1).optional(),
    S2B2B_PG_SCHEMA: z.string().min(1).optional(),
  }),
  process.env,
  'env',
);

const storage = await openStorage({
  ...(env.S2B2B_PG_URL ? { url: env.S2B2B_PG_URL } : {}),
  ...(env.S2B2B_PG_SCHEMA ? { schema: env.S2B2B_PG_SCHEMA } : {}),
});
const running = await serve({
  app: createApp({ storage, clock: systemClock }),
  storage,
  port: env.PORT,
  host: env.HOST,
});
console.log(`s2b2b embed-express on ${running.url} (${storage.kind}, schema ${storage.schema})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.log(`${signal}: finishing open requests, then closing the ${storage.kind} storage`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}

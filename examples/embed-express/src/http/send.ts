import { canonicalJson } from '@s2b2b/core';
import type { Response } from 'express';
import type { ResponseResult } from './stored-response.js';

/**
 * The response header that tells a replay (`true`) from a first call (`false`).
 *
 * @example
 * response.headers.get(REPLAYED_HEADER) // 'true'
 */
export const REPLAYED_HEADER = 'Idempotent-Replayed';

/**
 * Sends a command's JSON body with its keys sorted at every depth (`canonicalJson`): the first
 * answer and a replay of it from storage (where PostgreSQL's `jsonb` reorders keys) are then the
 * same bytes.
 *
 * @example
 * sendCanonical(res, 201, { order }, false);
 */
export function sendCanonical(res: Response, status: number, body: unknown, replayed: boolean): void {
  res
    .status(status)
    .set(REPLAYED_HEADER, String(replayed))
    .type('application/json')
    .send(canonicalJson(body));
}

/**
 * Sends a service command's result: the result without its `replayed` flag as the body, the
 * flag in `Idempotent-Replayed`.
 *
 * @example
 * sendResult(res, 201, await shop.credit.openLine(input));
 */
export function sendResult(res: Response, status: number, result: { replayed: boolean }): void {
  const { replayed, ...body } = result;
  sendCanonical(res, status, body, replayed);
}

/**
 * Sends a recorded answer (a checkout's, a cancellation's) with its status and replay flag.
 *
 * @example
 * sendStored(res, await checkout(shop, key, req.body));
 */
export function sendStored(res: Response, answer: ResponseResult): void {
  sendCanonical(res, answer.status, answer.body, answer.replayed);
}

import { parseInput } from '@s2b2b/core';
import { MAX_QUANTITY } from '../common/schemas.js';
import {
  type AwardRoundInput,
  type AwardRoundParsed,
  awardRoundHeadSchema,
  awardRoundSchema,
  MAX_REQUEST_LINES,
  MAX_ROUND_REQUESTS,
  type RoundRequest,
} from './schemas.js';

/**
 * Validates the input of `awardRound` exactly as {@link awardRoundSchema} does, faster on large
 * rounds: the round and the market go through zod, the requests are checked in place by hand
 * (the same rules: ids of 1-200 characters without NUL, 1-500 lines of distinct round SKUs,
 * whole quantities from 1 to 10^9, round regions, unique request ids) and kept as they are
 * instead of copied. Input the hand check does not accept goes through `awardRoundSchema`, so
 * every error is zod's, naming the field.
 *
 * The parsed round shares the caller's request objects (keys the schema does not know are left
 * on them, and ignored): award it before changing them.
 *
 * @throws ValidationError naming the field
 * @example
 * const round = parseAwardRound(input); // 1M requests: a fraction of awardRoundSchema.parse
 * awardParsedRound(round);
 */
export function parseAwardRound(input: AwardRoundInput): AwardRoundParsed {
  if (typeof input === 'object' && input !== null && Array.isArray(input.requests)) {
    const { requests, ...rest } = input;
    const head = awardRoundHeadSchema.safeParse(rest);
    if (
      head.success &&
      requestsAreValid(requests, new Set(head.data.skus.map((sku) => sku.sku)), new Set(head.data.regions))
    ) {
      return { ...head.data, requests: requests as RoundRequest[] };
    }
  }
  return parseInput(awardRoundSchema, input);
}

/**
 * Whether `awardRoundSchema` accepts these requests as they are (its output then equals them,
 * but for unknown keys): the check `parseAwardRound` runs in place of zod's.
 *
 * @example
 * requestsAreValid([{ requestId: 'q1', merchantId: 'M-1', region: '华东', lines: [{ sku: 'MILK-1L', quantity: 6 }] }], new Set(['MILK-1L']), new Set(['华东'])) // true
 */
export function requestsAreValid(
  requests: readonly unknown[],
  skus: ReadonlySet<string>,
  regions: ReadonlySet<string>,
): boolean {
  if (requests.length > MAX_ROUND_REQUESTS) return false;
  const requestIds = new Set<string>();
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i];
    if (!isRecord(request)) return false;
    const { requestId, merchantId, region, lines } = request;
    if (!isId(requestId) || !isId(merchantId) || !isId(region) || !regions.has(region)) return false;
    const seen = requestIds.size;
    if (requestIds.add(requestId).size === seen) return false; // a duplicate id
    if (!Array.isArray(lines) || lines.length < 1 || lines.length > MAX_REQUEST_LINES) return false;
    for (let k = 0; k < lines.length; k++) {
      const line: unknown = lines[k];
      if (!isRecord(line)) return false;
      const { sku, quantity } = line;
      if (!isId(sku) || !skus.has(sku) || !isQuantity(quantity)) return false;
    }
    if (lines.length > 1 && !distinctSkus(lines as { sku: string }[])) return false;
  }
  return true;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `procurementIdSchema`: a string of 1-200 UTF-16 units without NUL. */
function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 200 && !value.includes('\u0000');
}

/** `quantitySchema`: a whole number from 1 to 10^9. */
function isQuantity(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_QUANTITY;
}

function distinctSkus(lines: readonly { sku: string }[]): boolean {
  if (lines.length <= 8) {
    for (let k = 1; k < lines.length; k++) {
      for (let m = 0; m < k; m++) if (lines[m]!.sku === lines[k]!.sku) return false;
    }
    return true;
  }
  return new Set(lines.map((line) => line.sku)).size === lines.length;
}

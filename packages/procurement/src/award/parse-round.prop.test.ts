import { parseInput, ValidationError } from '@s2b2b/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awardRound } from './award-round.js';
import { parseAwardRound, requestsAreValid } from './parse-round.js';
import { type AwardRoundInput, awardRoundSchema } from './schemas.js';

const AT = '2026-03-10T10:00:00+08:00';

/** Ids, mostly good, sometimes what procurementIdSchema refuses. */
const idArb = (good: string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...good) },
    { weight: 1, arbitrary: fc.constantFrom('', 'x'.repeat(201), 'a\u0000b', 'x'.repeat(200)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(7, null, undefined, ['q1']) },
  );
const quantityArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 60 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      0,
      -3,
      1.5,
      1e9,
      1e9 + 1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      '5',
      null,
    ),
  },
);
const lineArb = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record({ sku: idArb(['MILK-1L', 'TEA-500G', 'UNKNOWN']), quantity: quantityArb }),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'MILK-1L', [{ sku: 'MILK-1L', quantity: 1 }]) },
);
const requestArb = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      requestId: idArb(['q1', 'q2', 'q3', 'q4', 'q5', 'q6']),
      merchantId: idArb(['M-1', 'M-2']),
      region: idArb(['华东', '华南', '西北']),
      lines: fc.oneof(
        { weight: 9, arbitrary: fc.array(lineArb, { minLength: 0, maxLength: 3 }) },
        { weight: 1, arbitrary: fc.constantFrom<unknown>(null, {}, 'lines') },
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, 'q1', []) },
);

function round(requests: unknown): AwardRoundInput {
  return {
    at: AT,
    regions: ['华东', '华南'],
    skus: [{ sku: 'MILK-1L' }, { sku: 'TEA-500G' }],
    requests: requests as AwardRoundInput['requests'],
    agreements: [],
    suppliers: [],
  };
}

function issuesOf(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return { issues: (error as ValidationError).issues };
  }
}

describe('parseAwardRound (properties)', () => {
  it('accepts exactly what awardRoundSchema accepts, with the same output, and refuses with its errors', () => {
    fc.assert(
      fc.property(fc.array(requestArb, { maxLength: 6 }), (requests) => {
        const input = round(requests);
        const zod = awardRoundSchema.safeParse(input);
        expect(requestsAreValid(requests, new Set(['MILK-1L', 'TEA-500G']), new Set(['华东', '华南']))).toBe(
          zod.success,
        );
        expect(issuesOf(() => parseAwardRound(input))).toEqual(
          issuesOf(() => parseInput(awardRoundSchema, input)),
        );
      }),
      { numRuns: 1000 },
    );
  });

  it('checks requests in place: keys the schema does not know stay on them, and change nothing', () => {
    const request = {
      requestId: 'q1',
      merchantId: 'M-1',
      region: '华东',
      lines: [{ sku: 'MILK-1L', quantity: 6, note: 'x' }],
      channel: 'app',
    };
    const parsed = parseAwardRound(round([request]));
    expect(parsed.requests[0]).toBe(request);
    expect(awardRoundSchema.parse(round([request])).requests[0]).toEqual({
      requestId: 'q1',
      merchantId: 'M-1',
      region: '华东',
      lines: [{ sku: 'MILK-1L', quantity: 6 }],
    });
    expect(awardRound(round([request])).allocations).toEqual(
      awardRound(round([{ ...request, lines: [{ sku: 'MILK-1L', quantity: 6 }] }])).allocations,
    );
  });

  it('goes to zod for anything about the round itself', () => {
    expect(issuesOf(() => parseAwardRound({ ...round([]), regions: [] }))).toEqual(
      issuesOf(() => parseInput(awardRoundSchema, { ...round([]), regions: [] })),
    );
    expect(issuesOf(() => parseAwardRound(null as unknown as AwardRoundInput))).toEqual(
      issuesOf(() => parseInput(awardRoundSchema, null)),
    );
  });
});

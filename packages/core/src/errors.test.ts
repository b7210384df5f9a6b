import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConflictError,
  DomainError,
  isS2b2bError,
  NotFoundError,
  S2b2bError,
  ValidationError,
} from './errors.js';
import { parseInput } from './validation.js';

describe('errors', () => {
  it('carry stable codes and JSON details', () => {
    const error = new DomainError('ROUND_CLOSED', 'Round r-1 is closed', { roundId: 'r-1' });
    expect(error).toBeInstanceOf(S2b2bError);
    expect(error.name).toBe('DomainError');
    expect(error.toJSON()).toEqual({
      name: 'DomainError',
      code: 'ROUND_CLOSED',
      message: 'Round r-1 is closed',
      details: { roundId: 'r-1' },
    });
    expect(new NotFoundError('merchant', 'm-1').code).toBe('NOT_FOUND');
    expect(new ConflictError('IDEMPOTENCY_CONFLICT', 'x').code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('recognises kit errors by code, also across package copies', () => {
    const foreign = { code: 'NOT_FOUND', details: {}, message: 'x' };
    expect(isS2b2bError(foreign, 'NOT_FOUND')).toBe(true);
    expect(isS2b2bError(foreign, 'VALIDATION')).toBe(false);
    expect(isS2b2bError(new Error('x'))).toBe(false);
    expect(isS2b2bError(new ValidationError([]), 'VALIDATION')).toBe(true);
  });
});

describe('parseInput', () => {
  const schema = z.object({ lines: z.array(z.object({ quantity: z.number().int().positive() })) });

  it('returns parsed data', () => {
    expect(parseInput(schema, { lines: [{ quantity: 2 }] })).toEqual({ lines: [{ quantity: 2 }] });
  });

  it('throws ValidationError naming every bad field', () => {
    let caught: unknown;
    try {
      parseInput(schema, { lines: [{ quantity: 2 }, { quantity: 0 }, { quantity: 1.5 }] }, 'order');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.code).toBe('VALIDATION');
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['order', 'lines', 1, 'quantity'],
      ['order', 'lines', 2, 'quantity'],
    ]);
    expect(error.message).toMatch(/^Invalid input — order\.lines\.1\.quantity: /);
  });
});

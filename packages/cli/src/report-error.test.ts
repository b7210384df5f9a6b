import { DomainError, ValidationError } from '@s2b2b/core';
import { describe, expect, it } from 'vitest';
import { captureIo } from './io.js';
import { reportError } from './report-error.js';
import { UsageError } from './usage-error.js';

describe('reportError', () => {
  it('prints usage errors as one line and returns 2', () => {
    const io = captureIo();
    expect(reportError(new UsageError('unknown command "x"'), io, false)).toBe(2);
    expect(io.err()).toBe('s2b2b: unknown command "x"\n');
    expect(io.out()).toBe('');
  });

  it('prints kit errors with their code and returns 1; the stack only with --verbose', () => {
    const error = new DomainError('CREDIT_LIMIT_EXCEEDED', 'Line l-1 would pass its limit', {
      lineId: 'l-1',
    });
    const quiet = captureIo();
    expect(reportError(error, quiet, false)).toBe(1);
    expect(quiet.err()).toBe('s2b2b: [CREDIT_LIMIT_EXCEEDED] Line l-1 would pass its limit\n');

    const verbose = captureIo();
    expect(reportError(error, verbose, true)).toBe(1);
    expect(verbose.err()).toContain('details: {"lineId":"l-1"}');
    expect(verbose.err()).toMatch(/\n\s+at /);
  });

  it('prints validation errors with their field', () => {
    const io = captureIo();
    reportError(ValidationError.field('amount', 'Expected a decimal string'), io, false);
    expect(io.err()).toBe('s2b2b: [VALIDATION] Invalid input — amount: Expected a decimal string\n');
  });

  it('prints other errors by message and returns 1', () => {
    const io = captureIo();
    expect(reportError(new Error('connect ECONNREFUSED 127.0.0.1:5432'), io, false)).toBe(1);
    expect(io.err()).toBe('s2b2b: connect ECONNREFUSED 127.0.0.1:5432\n');
    const verbose = captureIo();
    reportError(new Error('boom', { cause: new Error('root') }), verbose, true);
    expect(verbose.err()).toContain('caused by: Error: root');
  });
});

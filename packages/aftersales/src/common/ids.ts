import { z } from 'zod';

/**
 * An id or reference the after-sales package stores: 1–200 characters, no NUL, no leading or
 * trailing spaces.
 *
 * @example
 * aftersalesIdSchema.parse('case-1001')
 */
export const aftersalesIdSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((value) => !value.includes('\u0000'), { message: 'Must not contain NUL' })
  .refine((value) => value.trim() === value, { message: 'Must not start or end with spaces' });

/**
 * Free text a person wrote (notes, messages): at most 10,000 characters, no NUL.
 *
 * @example
 * noteSchema.parse('Photos show a cracked housing')
 */
export const noteSchema = z
  .string()
  .max(10_000)
  .refine((value) => !value.includes('\u0000'), { message: 'Must not contain NUL' });

/**
 * An idempotency key: 1–200 characters.
 *
 * @example
 * idempotencyKeySchema.parse('open-SO-1001-1')
 */
export const idempotencyKeySchema = z.string().min(1).max(200);

import type { z } from 'zod';
import { invalid, type FieldIssue } from './errors.ts';

/**
 * Parses input with a zod schema; on failure throws AppError('validation.invalid_input') whose issues
 * name each field with a stable code. Schemas put their own codes in `message` (e.g. 'business_id_checksum');
 * zod's built-in checks map to generic codes.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const res = schema.safeParse(input);
  if (res.success) return res.data;
  throw invalid(zodIssues(res.error));
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const field = i.path.map(String).join('.') || '_';
    const custom = typeof i.message === 'string' && /^[a-z_]+$/.test(i.message) ? i.message : undefined;
    let code = custom ?? 'invalid';
    const params: Record<string, string | number> = {};
    if (!custom) {
      if (i.code === 'too_small') {
        const min = Number((i as { minimum?: number | bigint }).minimum ?? 0);
        code = min <= 1 && (i as { origin?: string }).origin === 'string' ? 'required' : 'too_small';
        params.min = min;
      } else if (i.code === 'too_big') {
        const origin = (i as { origin?: string }).origin;
        code = origin === 'number' || origin === 'bigint' ? 'too_big_number' : 'too_big';
        params.max = Number((i as { maximum?: number | bigint }).maximum ?? 0);
      } else if (i.code === 'invalid_type') {
        code = (i as { input?: unknown }).input === undefined ? 'required' : 'invalid_type';
      } else if (i.code === 'invalid_format') {
        code = `invalid_${(i as { format?: string }).format ?? 'format'}`;
      } else if (i.code === 'invalid_value') {
        code = 'invalid_choice';
      } else if (i.code === 'unrecognized_keys') {
        code = 'unknown_field';
      }
    }
    return Object.keys(params).length ? { field, code, params } : { field, code };
  });
}

/**
 * Input checks that collect every problem with the field it is about, then fail once (splink's
 * settings validation, STYLE.md §4): the caller learns everything wrong with one request.
 */
import { badInput, type InputProblem } from './errors.js';

export class InputChecker {
  readonly problems: InputProblem[] = [];

  add(field: string, problem: string): void {
    this.problems.push({ field, problem });
  }

  text(field: string, value: unknown, opts: { required?: boolean; max?: number } = {}): string | null {
    if (value == null || (typeof value === 'string' && value.trim() === '')) {
      if (opts.required) this.add(field, 'is required.');
      return null;
    }
    if (typeof value !== 'string') {
      this.add(field, 'must be text.');
      return null;
    }
    const t = value.trim();
    if (opts.max && t.length > opts.max) this.add(field, `is ${t.length} characters; at most ${opts.max}.`);
    return t;
  }

  oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[], required = true): T | null {
    if (value == null) {
      if (required) this.add(field, `is required; one of ${allowed.join(', ')}.`);
      return null;
    }
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.add(field, `"${String(value)}" is not one of ${allowed.join(', ')}.`);
      return null;
    }
    return value as T;
  }

  instant(field: string, value: unknown, required = false): string | null {
    if (value == null) {
      if (required) this.add(field, 'is required (ISO 8601 with zone, e.g. 2017-03-01T09:30:00Z).');
      return null;
    }
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) || Number.isNaN(Date.parse(value))) {
      this.add(field, `"${String(value)}" is not an ISO 8601 date-time with zone (e.g. 2017-03-01T09:30:00Z).`);
      return null;
    }
    return new Date(Date.parse(value)).toISOString().replace('.000Z', 'Z');
  }

  date(field: string, value: unknown): string | null {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
      this.add(field, `"${String(value)}" is not a date YYYY-MM-DD.`);
      return null;
    }
    return value;
  }

  idempotencyKey(value: unknown): string | null {
    const k = this.text('idempotencyKey', value, { required: true, max: 128 });
    if (k != null && !/^[A-Za-z0-9._:-]{8,128}$/.test(k)) this.add('idempotencyKey', 'must be 8–128 characters of letters, digits, ".", "_", ":" or "-" (a UUID works).');
    return k;
  }

  /** Throws BAD_USER_INPUT listing every problem, if any. */
  done(): void {
    if (this.problems.length > 0) throw badInput(this.problems);
  }
}

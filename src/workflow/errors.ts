/**
 * The one error shape of the workflow's writes and worklists. Every error says what to do next:
 * `field` names the input field at fault (BAD_USER_INPUT), `retryable` says whether sending the same
 * request again (same idempotencyKey) can succeed, and `idempotencyKey` echoes the key to retry with.
 */
export type WorkflowErrorCode =
  | 'BAD_USER_INPUT' // the input is wrong: fix the named field
  | 'FORBIDDEN' // the role, purpose or record does not allow it
  | 'CONFLICT' // the key was used for different input, or the record already holds something else
  | 'NOT_FOUND' // CID has no such record
  | 'SOURCE_UNAVAILABLE'; // a legacy system or the store did not answer: retry with the same key

export interface InputProblem {
  readonly field: string;
  readonly problem: string;
}

export class WorkflowError extends Error {
  readonly code: WorkflowErrorCode;
  readonly retryable: boolean;
  readonly field: string | null;
  readonly problems: readonly InputProblem[];
  readonly idempotencyKey: string | null;
  /** The rule and paragraph that refused (FORBIDDEN). */
  readonly rule: string | null;
  /** True when the refusal is already in the request's audit collector (so the resolver adds none). */
  readonly audited: boolean;

  constructor(
    code: WorkflowErrorCode,
    message: string,
    options: { retryable?: boolean; field?: string | null; problems?: readonly InputProblem[]; idempotencyKey?: string | null; rule?: string | null; audited?: boolean } = {},
  ) {
    super(message);
    this.name = 'WorkflowError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.problems = options.problems ?? (options.field ? [{ field: options.field, problem: message }] : []);
    this.field = options.field ?? this.problems[0]?.field ?? null;
    this.idempotencyKey = options.idempotencyKey ?? null;
    this.rule = options.rule ?? null;
    this.audited = options.audited ?? false;
  }

  withKey(idempotencyKey: string): WorkflowError {
    return new WorkflowError(this.code, this.message, {
      retryable: this.retryable,
      field: this.field,
      problems: this.problems,
      idempotencyKey,
      rule: this.rule,
      audited: this.audited,
    });
  }
}

/** All problems of one input at once: `Invalid input: "frequency": …; "windowReason": …`. */
export function badInput(problems: readonly InputProblem[]): WorkflowError {
  const text = problems.map((p) => `"${p.field}": ${p.problem}`).join('; ');
  return new WorkflowError('BAD_USER_INPUT', `Invalid input: ${text}`, { problems, field: problems[0]?.field ?? null });
}

/** A refusal by a rule; `audited` when the caller already recorded the policy decision that refused. */
export function forbiddenWrite(rule: string, reason: string, audited = false): WorkflowError {
  return new WorkflowError('FORBIDDEN', `Forbidden: ${reason}`, { rule, audited });
}

export function unavailable(what: string, retryable = true): WorkflowError {
  return new WorkflowError('SOURCE_UNAVAILABLE', what, { retryable });
}

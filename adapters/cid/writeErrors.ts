/**
 * What CID says when it refuses a write: the record is not there (NOT_FOUND), or CID already holds
 * something else for it (CONFLICT). Neither is worth retrying with the same input. CID being down
 * is a `SourceUnavailableError` (src/domain/errors.ts), which is.
 */
import { GatewayError } from '../../src/domain/errors.js';

export class CidWriteRejectedError extends GatewayError {
  constructor(
    code: 'NOT_FOUND' | 'CONFLICT',
    message: string,
    /** The input field the refusal is about, when one is. */
    readonly field: string | null = null,
  ) {
    super(code, message, { source: 'cid', field });
  }
}

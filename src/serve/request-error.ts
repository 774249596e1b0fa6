import { StacklearnError } from '../errors.js';

/** The JSON body of every error response: a short code, a sentence, and what the code needs. */
export interface ErrorBody {
  /** A stable code: "missing_fields", "unknown_category", "body_too_large", "not_found" ... */
  readonly error: string;
  /** What is wrong, naming the row, field or limit, what was expected and what was received. */
  readonly message: string;
  readonly details?: unknown;
}

/**
 * A request the service refuses: HTTP status plus the error body.
 *
 * @example
 * throw new RequestError(400, 'missing_fields', 'missing field "Origin"', { row: 0, missing: ['Origin'] });
 */
export class RequestError extends StacklearnError {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The response body. */
  toBody(): ErrorBody {
    return this.details === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, details: this.details };
  }
}

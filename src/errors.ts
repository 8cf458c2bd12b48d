/** Field name → i18n message key (or already translated text). */
export type FieldErrors = Record<string, string>;

/**
 * Domain failures. Services throw these; one `onError` maps each to a status and
 * to an HTML page, an htmx fragment or the JSON error body.
 */
export class DomainError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
  ) {
    super(message);
  }
}

export class NotFound extends DomainError {
  constructor(message = 'errors.not_found') {
    super(404, 'not_found', message);
  }
}

export class Unauthorized extends DomainError {
  constructor(message = 'errors.unauthorized') {
    super(401, 'unauthorized', message);
  }
}

export class Forbidden extends DomainError {
  constructor(message = 'errors.forbidden') {
    super(403, 'forbidden', message);
  }
}

/** Something that existed and is no longer usable: an expired or already answered one-time link. */
export class Gone extends DomainError {
  constructor(message = 'errors.gone') {
    super(410, 'gone', message);
  }
}

export class Conflict extends DomainError {
  constructor(message = 'errors.conflict', fields?: FieldErrors) {
    super(409, 'conflict', message, fields);
  }
}

export class Invalid extends DomainError {
  constructor(fields: FieldErrors, message = 'errors.invalid', status: 400 | 422 = 422) {
    super(status, status === 400 ? 'bad_request' : 'invalid', message, fields);
  }
}

/**
 * A size or count limit was reached. The message names the limit and the current usage through
 * `params`, so the refusal tells the user what to do (delete old files, ask a facilitator).
 */
export class LimitExceeded extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly params: Record<string, string | number>,
    status: 409 | 422 = 422,
    fields?: FieldErrors,
  ) {
    super(status, code, message, fields);
  }
}

/**
 * A mutation refused for its Origin. `params` name the origin seen and, for a misconfigured
 * APP_ORIGIN, the value to set, so the page (and the API error) says exactly what to fix.
 */
export class OriginRefused extends DomainError {
  constructor(
    code: 'forbidden' | 'origin_mismatch',
    message: string,
    readonly params: Record<string, string>,
  ) {
    super(403, code, message);
  }
}

/**
 * An action outside its time window (check-in before it opens or after the event day): a 409
 * with its own code, and params naming the window so the refusal says when to come back.
 */
export class OutsideWindow extends LimitExceeded {
  constructor(message: string, params: Record<string, string | number>) {
    super('checkin_window', message, params, 409);
  }
}

export class RateLimited extends DomainError {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'errors.rate_limited',
  ) {
    super(429, 'rate_limited', message);
  }
}

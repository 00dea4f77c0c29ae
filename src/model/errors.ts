/**
 * The one error type of takedown. `code` is stable (scripts and the API match on it), `title`
 * is a sentence a user can act on, `detail` and `cause` say more. The CLI prints the title and
 * exits non-zero; the server answers problem+json with the same fields.
 */
export class TakedownError extends Error {
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** HTTP status when this error reaches the API. */
  readonly status: number;

  constructor(options: { code: string; title: string; detail?: string; cause?: unknown; status?: number }) {
    super(options.title, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TakedownError';
    this.code = options.code;
    this.title = options.title;
    this.detail = options.detail;
    this.status = options.status ?? 400;
  }

  /** The serialisable form (problem+json for the API, JSON for `--json` CLI output). */
  toJSON(): { code: string; title: string; detail?: string; status: number } {
    return {
      code: this.code,
      title: this.title,
      ...(this.detail === undefined ? {} : { detail: this.detail }),
      status: this.status,
    };
  }
}

/** True when `e` is a TakedownError (also across module copies). */
export function isTakedownError(e: unknown): e is TakedownError {
  return e instanceof TakedownError || (e instanceof Error && e.name === 'TakedownError' && 'code' in e);
}

/** A bad argument or option given by the user. */
export function usageError(title: string, detail?: string): TakedownError {
  return new TakedownError({ code: 'usage', title, ...(detail === undefined ? {} : { detail }) });
}

/** An input file that cannot be read as what it claims to be. */
export function inputError(title: string, detail?: string, cause?: unknown): TakedownError {
  return new TakedownError({
    code: 'input',
    title,
    ...(detail === undefined ? {} : { detail }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** Something is missing (a file, an account, a cluster). */
export function notFoundError(title: string, detail?: string): TakedownError {
  return new TakedownError({ code: 'not_found', title, status: 404, ...(detail === undefined ? {} : { detail }) });
}

/** The database could not be opened, migrated or queried. */
export function storeError(title: string, cause?: unknown, detail?: string): TakedownError {
  return new TakedownError({
    code: 'store',
    title,
    status: 500,
    ...(detail === undefined ? {} : { detail }),
    ...(cause === undefined ? {} : { cause }),
  });
}

/** How a crashed service is restarted: delays double up to a ceiling. */
export interface BackoffOptions {
  /** Delay before the first restart. Default 500 ms. */
  initialMs?: number;
  /** The longest delay. Default 30 s. */
  maxMs?: number;
  /** A run at least this long counts as stable and resets the delay. Default 60 s. */
  stableMs?: number;
}

/**
 * Restart delays for one service: 0.5 s, 1 s, 2 s, ... up to 30 s; a run that
 * stayed up for a stable minute starts the sequence again.
 */
export class Backoff {
  readonly #initialMs: number;
  readonly #maxMs: number;
  readonly #stableMs: number;
  #failures = 0;

  constructor(options: BackoffOptions = {}) {
    this.#initialMs = options.initialMs ?? 500;
    this.#maxMs = options.maxMs ?? 30_000;
    this.#stableMs = options.stableMs ?? 60_000;
  }

  /** Restarts since the last stable run. */
  get failures() {
    return this.#failures;
  }

  /** The delay before the next start, given how long the last run lasted. */
  next(ranForMs: number): number {
    if (ranForMs >= this.#stableMs) this.#failures = 0;
    const delay = Math.min(this.#initialMs * 2 ** this.#failures, this.#maxMs);
    this.#failures += 1;
    return delay;
  }

  reset() {
    this.#failures = 0;
  }
}

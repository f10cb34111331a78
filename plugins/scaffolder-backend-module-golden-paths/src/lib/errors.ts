/**
 * Marks an expected error (bad input, a taken name) to be shown as its one
 * sentence: the scaffolder writes a failed step's `stack` to the task log,
 * and a stack trace there only hides the sentence a person needs.
 */
export function withoutStack<E extends Error>(error: E): E {
  error.stack = error.message;
  return error;
}

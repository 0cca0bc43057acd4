/**
 * @module cli/errors
 * A usage error: the command line itself is wrong (exit status 2).
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

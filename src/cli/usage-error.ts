/** A mistake in the command line: printed as `error: MESSAGE`, exit 2. */
export class UsageError extends Error {}

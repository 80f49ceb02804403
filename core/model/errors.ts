/**
 * One error taxonomy, caught once in `cli/bin.ts`. Known errors print a
 * message, the file and line, and a hint, without a stack; anything else is a
 * bug and prints a short "please report" block.
 */
export const ExitCode = { Clean: 0, Findings: 1, Failure: 2 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export interface ErrorLocation {
  file: string;
  line?: number;
  column?: number;
}

export abstract class ProtogovError extends Error {
  abstract readonly kind: string;
  readonly exitCode: ExitCode = ExitCode.Failure;
  readonly location: ErrorLocation | undefined;
  readonly hint: string | undefined;
  constructor(message: string, opts: { location?: ErrorLocation; hint?: string; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.location = opts.location;
    this.hint = opts.hint;
  }
}

/** Bad command-line usage: unknown flag value, conflicting options. */
export class UsageError extends ProtogovError {
  readonly kind = "usage";
}

/** protogov.yaml or buf.yaml is invalid. */
export class ConfigError extends ProtogovError {
  readonly kind = "config";
}

/** The input cannot be used at all: missing path, no protos, unreadable file. */
export class InputError extends ProtogovError {
  readonly kind = "input";
}

/** An external tool (buf, git, npm, protoc) failed in a way that is not a finding. */
export class ToolError extends ProtogovError {
  readonly kind = "tool";
}

export function isProtogovError(e: unknown): e is ProtogovError {
  return e instanceof ProtogovError;
}

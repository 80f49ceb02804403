/**
 * Client side: turns a received error back into its generated class. Over the
 * wire every error arrives as a plain ConnectError; its google.rpc.ErrorInfo
 * detail (domain + reason) names the class, and the metadata holds the
 * template parameters.
 */
import { ConnectError, type Interceptor } from "@connectrpc/connect";
import { ErrorInfoSchema } from "./gen/protogov/rpc/error_details_pb.js";
import { GovernedError, type GovernedErrorClass, rebuild } from "./governed-error.js";

/** The classes of one generated file (its exported `errorSet`), or any list of classes. */
export type ErrorSet = readonly GovernedErrorClass[];

export interface ErrorRegistry {
  /** The registered class for an AIP-193 domain and reason. */
  get(domain: string, reason: string): GovernedErrorClass | undefined;
  /**
   * The typed error for any error received over any transport, with the
   * original error as `cause`; undefined when the error is not a registered
   * governed error (no ErrorInfo, or an unknown domain/reason).
   */
  fromError(error: unknown): GovernedError | undefined;
  /** `fromError(error)` when that finds a class, otherwise `error` itself, untouched. */
  toTyped(error: unknown): unknown;
  /** A client interceptor that rethrows received errors as their typed classes (unary and streaming). */
  readonly interceptor: Interceptor;
}

export function createErrorRegistry(...sets: ErrorSet[]): ErrorRegistry {
  const byKey = new Map<string, GovernedErrorClass>();
  for (const cls of sets.flat()) {
    const key = keyOf(cls.domain, cls.reason);
    const known = byKey.get(key);
    if (known && known !== cls) {
      throw new Error(`${cls.protoName} and ${known.protoName} both use domain "${cls.domain}" and reason "${cls.reason}"`);
    }
    byKey.set(key, cls);
  }

  function fromError(error: unknown): GovernedError | undefined {
    if (error instanceof GovernedError) {
      const cls = byKey.get(keyOf(error.domain, error.reason));
      if (cls === undefined) return undefined;
      if ((error.constructor as unknown) === cls) return error;
    }
    if (!(error instanceof ConnectError)) return undefined;
    for (const info of error.findDetails(ErrorInfoSchema)) {
      const cls = byKey.get(keyOf(info.domain, info.reason));
      if (cls) return rebuild(cls, info.metadata, error);
    }
    return undefined;
  }

  function toTyped(error: unknown): unknown {
    return fromError(error) ?? error;
  }

  const interceptor: Interceptor = (next) => async (req) => {
    try {
      const res = await next(req);
      return res.stream ? { ...res, message: typedStream(res.message, toTyped) } : res;
    } catch (e) {
      throw toTyped(e);
    }
  };

  return { get: (domain, reason) => byKey.get(keyOf(domain, reason)), fromError, toTyped, interceptor };
}

function keyOf(domain: string, reason: string): string {
  return `${domain}\u0000${reason}`;
}

async function* typedStream<T>(messages: AsyncIterable<T>, toTyped: (e: unknown) => unknown): AsyncIterable<T> {
  try {
    yield* messages;
  } catch (e) {
    throw toTyped(e);
  }
}

/**
 * The base class of every generated error. A generated class only declares
 * static metadata (domain, reason, code, number, ...); this class turns an
 * instance into a ConnectError with the rendered message and a
 * google.rpc.ErrorInfo detail, so any Connect or gRPC server sends it as is.
 *
 * Two traps of ConnectError are handled here, both verified in the tests:
 * - `name` stays "ConnectError". Connect recognises its errors by
 *   `instanceof ConnectError`, whose static `Symbol.hasInstance` accepts a
 *   subclass only while `name === "ConnectError"`; a handler that throws an
 *   error with another name is answered with Internal "internal error" and no
 *   details. The class name is available as `constructor.name`.
 * - `Symbol.hasInstance` is overridden. ConnectError's implementation checks
 *   against ConnectError itself, so subclasses inheriting it would make
 *   `new UserNotFoundError(...) instanceof EmailAlreadyRegisteredError` true.
 */
import { create } from "@bufbuild/protobuf";
import { durationFromMs } from "@bufbuild/protobuf/wkt";
import { type Code, ConnectError } from "@connectrpc/connect";
import { type ErrorInfo, ErrorInfoSchema, LocalizedMessageSchema, RetryInfoSchema } from "./gen/protogov/rpc/error_details_pb.js";
import { renderTemplate } from "./template.js";

/** Template parameters by lowerCamelCase key; every value is a string, as in ErrorInfo.metadata. */
export type ErrorParams = Readonly<Record<string, string>>;

export interface GovernedErrorOptions {
  /** The underlying error, kept as `cause` (not sent over the wire). */
  cause?: unknown;
  /** Sent as a google.rpc.LocalizedMessage detail, for messages shown to end users. */
  localizedMessage?: { locale: string; message: string };
  /** Headers (or trailers) sent with the error. */
  metadata?: HeadersInit;
}

/** The static side of a generated error class: its metadata from the proto. */
export interface GovernedErrorClass {
  readonly prototype: GovernedError;
  /** Full proto name of the enum value, e.g. `acme.users.v1.UsersError.USERS_ERROR_USER_NOT_FOUND`. */
  readonly protoName: string;
  /** AIP-193 error domain (ErrorInfo.domain). */
  readonly domain: string;
  /** AIP-193 reason (ErrorInfo.reason), unique within the domain. */
  readonly reason: string;
  readonly code: Code;
  /** Business error number, unique across the repository that declares it. */
  readonly number: number;
  /** HTTP status for gateways and documentation (the proto's override, or derived from the code). */
  readonly httpStatus: number;
  /** The message template as written in the proto. */
  readonly messageTemplate: string;
  /** Template parameters as ErrorInfo.metadata keys (lowerCamelCase), in template order. */
  readonly params: readonly string[];
  readonly retryable: boolean;
  /** Sent as google.rpc.RetryInfo when the error is retryable. */
  readonly retryDelayMs: number | undefined;
}

/** Errors without parameters may be constructed without arguments. */
type ConstructorArgs<P extends ErrorParams> =
  Record<never, string> extends P ? [params?: P, options?: GovernedErrorOptions] : [params: P, options?: GovernedErrorOptions];

/** Set on every instance, so copies of this package (dual install, bundles) still recognise each other. */
const BRAND = Symbol.for("@protogov/errors-runtime/GovernedError");

export abstract class GovernedError<P extends ErrorParams = ErrorParams> extends ConnectError {
  /** The template parameters, by lowerCamelCase key. */
  readonly params: P;
  declare readonly [BRAND]: true;

  constructor(...[params, options]: ConstructorArgs<P>) {
    const spec = new.target as unknown as GovernedErrorClass;
    const values = (params ?? {}) as P;
    super(
      renderTemplate(spec.messageTemplate, values),
      spec.code,
      options?.metadata,
      outgoingDetails(spec, values, options),
      options?.cause,
    );
    this.params = values;
    Object.defineProperty(this, BRAND, { value: true });
  }

  get domain(): string {
    return classOf(this).domain;
  }
  get reason(): string {
    return classOf(this).reason;
  }
  get number(): number {
    return classOf(this).number;
  }
  get httpStatus(): number {
    return classOf(this).httpStatus;
  }
  get retryable(): boolean {
    return classOf(this).retryable;
  }

  /**
   * True for an instance of this class (sibling-safe, see below) and for the
   * error as received from the transport: a ConnectError whose google.rpc.ErrorInfo
   * has this class's domain and reason. Not a type guard, because a received
   * ConnectError has no `params`; use `fromError` for the typed instance.
   */
  static is(value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the generated subclass the check is called on
    return isInstance(this, value) || receivedInfo(this, value) !== undefined;
  }

  /**
   * The typed instance for `value`: itself when it is one, rebuilt from a
   * received ConnectError whose ErrorInfo has this class's domain and reason
   * (parameters from the metadata, the received error as `cause`), else undefined.
   */
  static fromError<T extends abstract new (...args: never) => GovernedError>(this: T, value: unknown): InstanceType<T> | undefined {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the generated subclass
    const cls = this as unknown as GovernedErrorClass;
    if (isInstance(cls, value)) return value as InstanceType<T>;
    const info = receivedInfo(cls, value);
    return info === undefined ? undefined : (rebuild(cls, info.metadata, value as ConnectError) as InstanceType<T>);
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the class on the right of `instanceof`
    return isInstance(this, value);
  }
}

function classOf(error: GovernedError): GovernedErrorClass {
  return error.constructor as unknown as GovernedErrorClass;
}

/**
 * The prototype chain decides in the usual case. A second copy of the runtime
 * or of a generated module yields distinct classes for the same error, so a
 * branded value also matches a class with the same domain and reason (or the
 * base class, which has no reason).
 */
function isInstance(cls: object, value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  if (Function.prototype[Symbol.hasInstance].call(cls, value)) return true;
  if (!(BRAND in value)) return false;
  const wanted = cls as Partial<GovernedErrorClass>;
  if (wanted.reason === undefined) return true;
  const actual = value.constructor as Partial<GovernedErrorClass>;
  return actual.domain === wanted.domain && actual.reason === wanted.reason;
}

/** The ErrorInfo of a received ConnectError that names `cls` (a generated class, not the base). */
function receivedInfo(cls: object, value: unknown): ErrorInfo | undefined {
  const wanted = cls as Partial<GovernedErrorClass>;
  if (wanted.reason === undefined || !(value instanceof ConnectError) || BRAND in value) return undefined;
  return value.findDetails(ErrorInfoSchema).find((info) => info.domain === wanted.domain && info.reason === wanted.reason);
}

/**
 * The typed error of `cls` for a received error. A parameter missing from the
 * metadata (an older server) becomes "". The received details and headers stay
 * readable on the typed error.
 */
export function rebuild(cls: GovernedErrorClass, metadata: Readonly<Record<string, string>>, received: ConnectError): GovernedError {
  const params = Object.fromEntries(cls.params.map((key) => [key, metadata[key] ?? ""]));
  const Ctor = cls as unknown as new (params: ErrorParams, options: GovernedErrorOptions) => GovernedError;
  const typed = new Ctor(params, { cause: received, metadata: received.metadata });
  typed.details = received.details;
  return typed;
}

type OutgoingDetails = NonNullable<ConstructorParameters<typeof ConnectError>[3]>;

function outgoingDetails(spec: GovernedErrorClass, params: ErrorParams, options: GovernedErrorOptions | undefined): OutgoingDetails {
  const details: OutgoingDetails = [
    { desc: ErrorInfoSchema, value: create(ErrorInfoSchema, { reason: spec.reason, domain: spec.domain, metadata: { ...params } }) },
  ];
  if (options?.localizedMessage) {
    details.push({ desc: LocalizedMessageSchema, value: create(LocalizedMessageSchema, options.localizedMessage) });
  }
  if (spec.retryable && spec.retryDelayMs !== undefined) {
    details.push({ desc: RetryInfoSchema, value: create(RetryInfoSchema, { retryDelay: durationFromMs(spec.retryDelayMs) }) });
  }
  return details;
}

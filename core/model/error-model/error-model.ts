/**
 * What an annotated error enum means, computed once from the descriptor and
 * shared by the error rules (which check it) and protoc-gen-protogov-errors
 * (which prints it), so the linter never approves something the generator
 * reads differently. Works on raw descriptor protos: the rule engine has no
 * registry, the plugin passes `desc.proto`.
 *
 * Naming rules (documented in runtime/errors/README.md):
 * - prefix: the enum name in UPPER_SNAKE_CASE plus "_" (UsersError -> USERS_ERROR_);
 * - reason: the explicit `reason`, else the value name minus the prefix;
 * - class: the value name minus the prefix in PascalCase, plus "Error" unless it
 *   already ends with it (USERS_ERROR_USER_NOT_FOUND -> UserNotFoundError);
 * - parameters: `{user_id}` in the template is `userId` in the constructor and
 *   in ErrorInfo.metadata (AIP-193 asks for lowerCamelCase keys).
 */
import { getExtension, hasExtension } from "@bufbuild/protobuf";
import type { EnumDescriptorProto, EnumValueDescriptorProto, FileDescriptorProto } from "@bufbuild/protobuf/wkt";
import { enums } from "../descriptors/walk.js";
import { domain as domainExt, type ErrorDomainOptions, type ErrorOptions, error as errorExt } from "../gen/protogov/errors/v1/errors_pb.js";
import { parseTemplate, type TemplateParam } from "./message-template.js";

export interface ErrorValue {
  /** The enum value and its index in the enum (for source paths). */
  value: EnumValueDescriptorProto;
  index: number;
  /** `acme.users.v1.UsersError.USERS_ERROR_USER_NOT_FOUND`. */
  protoName: string;
  options: ErrorOptions;
  reason: string;
  className: string;
  /** Effective gRPC code number (the value's, else the enum default, else UNKNOWN = 2). */
  code: number;
  /** True when neither the value nor the enum sets a code. */
  codeMissing: boolean;
  httpStatus: number;
  params: TemplateParam[];
  /** Placeholders that are not lower_snake_case names. */
  badPlaceholders: string[];
}

export interface ErrorEnum {
  node: EnumDescriptorProto;
  fullName: string;
  /** The enum-level option, when set. */
  domainOptions: ErrorDomainOptions | undefined;
  domain: string;
  /** Non-zero values with the error option, in declaration order. */
  errors: ErrorValue[];
  /** Values without the option (other than the zero value), and a zero value that has it. */
  unannotated: { value: EnumValueDescriptorProto; index: number }[];
  annotatedZero: { value: EnumValueDescriptorProto; index: number } | undefined;
}

/** gRPC code number -> [Connect `Code` member, HTTP status of the standard gRPC mapping]. */
export const CODES: Readonly<Record<number, readonly [string, number]>> = {
  1: ["Canceled", 499],
  2: ["Unknown", 500],
  3: ["InvalidArgument", 400],
  4: ["DeadlineExceeded", 504],
  5: ["NotFound", 404],
  6: ["AlreadyExists", 409],
  7: ["PermissionDenied", 403],
  8: ["ResourceExhausted", 429],
  9: ["FailedPrecondition", 400],
  10: ["Aborted", 409],
  11: ["OutOfRange", 400],
  12: ["Unimplemented", 501],
  13: ["Internal", 500],
  14: ["Unavailable", 503],
  15: ["DataLoss", 500],
  16: ["Unauthenticated", 401],
};
const UNKNOWN_CODE = 2;

/** True when the enum is an error enum: it has the domain option or any value has the error option. */
export function isErrorEnum(node: EnumDescriptorProto): boolean {
  if (node.options && hasExtension(node.options, domainExt)) return true;
  return node.value.some((v) => v.options !== undefined && hasExtension(v.options, errorExt));
}

/** The error model of an enum, or undefined when it is not an error enum. */
export function readErrorEnum(node: EnumDescriptorProto, fullName: string): ErrorEnum | undefined {
  if (!isErrorEnum(node)) return undefined;
  const domainOptions = node.options && hasExtension(node.options, domainExt) ? getExtension(node.options, domainExt) : undefined;
  const prefix = `${upperSnake(node.name)}_`;
  const result: ErrorEnum = {
    node,
    fullName,
    domainOptions,
    domain: domainOptions?.domain ?? "",
    errors: [],
    unannotated: [],
    annotatedZero: undefined,
  };
  for (const [index, value] of node.value.entries()) {
    const options = value.options && hasExtension(value.options, errorExt) ? getExtension(value.options, errorExt) : undefined;
    if (value.number === 0) {
      if (options) result.annotatedZero = { value, index };
      continue;
    }
    if (!options) {
      result.unannotated.push({ value, index });
      continue;
    }
    const stem = stripPrefix(value.name, prefix);
    const code = options.code || domainOptions?.defaultCode || UNKNOWN_CODE;
    const template = parseTemplate(options.message);
    result.errors.push({
      value,
      index,
      protoName: `${fullName}.${value.name}`,
      options,
      reason: options.reason || stem,
      className: className(stem),
      code,
      codeMissing: !options.code && !domainOptions?.defaultCode,
      httpStatus: options.httpStatus || (CODES[code]?.[1] ?? 500),
      params: template.params,
      badPlaceholders: template.bad,
    });
  }
  return result;
}

export interface LocatedErrorEnum {
  model: ErrorEnum;
  path: number[];
}

// Eight ERROR_* rules ask for the same file's error enums; the walk is done once per file.
const errorEnumsByFile = new WeakMap<FileDescriptorProto, readonly LocatedErrorEnum[]>();

/** The error enums of a file (nested ones included) with their source paths, for the ERROR_* rules. */
export function errorEnumsIn(file: FileDescriptorProto): readonly LocatedErrorEnum[] {
  let found = errorEnumsByFile.get(file);
  if (!found) {
    const list: LocatedErrorEnum[] = [];
    for (const e of enums(file)) {
      const model = readErrorEnum(e.node, e.fullName);
      if (model) list.push({ model, path: e.path });
    }
    found = list;
    errorEnumsByFile.set(file, found);
  }
  return found;
}

/** `UsersError` -> `USERS_ERROR`, `HTTPError` -> `HTTP_ERROR`. */
export function upperSnake(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toUpperCase();
}

/** The value name without the enum prefix, unless that leaves nothing or a name starting with a digit. */
function stripPrefix(valueName: string, prefix: string): string {
  const rest = valueName.startsWith(prefix) ? valueName.slice(prefix.length) : "";
  return /^[A-Z]/.test(rest) ? rest : valueName;
}

function className(stem: string): string {
  const pascal = stem
    .toLowerCase()
    .split("_")
    .filter((w) => w.length > 0)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
  return pascal.endsWith("Error") ? pascal : `${pascal}Error`;
}

/**
 * The error catalog of one file: every value of its error enums (nested ones
 * included), read through the shared error model so the docs say exactly what
 * the ERROR_* rules check and protoc-gen-protogov-errors generates.
 */
import type { DescEnum, DescFile, DescMessage } from "@bufbuild/protobuf";
import { readErrorEnum } from "../../core/model/error-model/error-model.js";
import { type FileComments, summaryOf } from "./comments.js";
import { P } from "./elements.js";
import { errorAnchor } from "./links.js";
import type { ErrorDoc } from "./model.js";

/** gRPC status code names by number. */
const GRPC_CODES = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
];

/** Every enum of a file with its source path, in declaration order. */
export function* enumsWithPaths(file: DescFile): Generator<{ desc: DescEnum; path: number[] }> {
  for (const [i, e] of file.enums.entries()) yield { desc: e, path: [P.fileEnum, i] };
  function* visit(m: DescMessage, path: number[]): Generator<{ desc: DescEnum; path: number[] }> {
    for (const [i, e] of m.nestedEnums.entries()) yield { desc: e, path: [...path, P.msgEnum, i] };
    const nestedIndex = new Map(m.proto.nestedType.map((n, i) => [n, i]));
    for (const n of m.nestedMessages) yield* visit(n, [...path, P.nested, nestedIndex.get(n.proto) ?? -1]);
  }
  for (const [i, m] of file.messages.entries()) yield* visit(m, [P.fileMessage, i]);
}

/** Catalog entries of a file; an excluded enum, or an excluded parent message, hides its errors. */
export function errorCatalog(file: DescFile, comments: FileComments): ErrorDoc[] {
  const entries: ErrorDoc[] = [];
  for (const { desc, path } of enumsWithPaths(file)) {
    const model = readErrorEnum(desc.proto, desc.typeName);
    if (!model || model.errors.length === 0 || hiddenPath(comments, path)) continue;
    for (const error of model.errors) {
      const c = comments.get([...path, P.value, error.index]);
      if (c.excluded) continue;
      const delay = error.options.retryDelayMs;
      entries.push({
        reason: error.reason,
        domain: model.domain,
        anchor: errorAnchor(error.protoName),
        valueName: error.protoName,
        enumName: desc.typeName,
        enumLink: `#${encodeURI(desc.typeName)}`,
        number: error.options.number,
        code: GRPC_CODES[error.code] ?? String(error.code),
        codeNumber: error.code,
        httpStatus: error.httpStatus,
        message: error.options.message,
        params: error.params.map((p) => p.name),
        retryable: error.options.retryable,
        retryDelayMs: delay === undefined ? null : delay,
        description: c.text,
        summary: summaryOf(c.text),
        deprecated: error.value.options?.deprecated === true,
      });
    }
  }
  return entries;
}

/** True when the element at `path` or any element containing it is @exclude'd. */
function hiddenPath(comments: FileComments, path: number[]): boolean {
  for (let end = 2; end <= path.length; end += 2) if (comments.get(path.slice(0, end)).excluded) return true;
  return false;
}

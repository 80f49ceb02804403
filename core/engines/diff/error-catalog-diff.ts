/**
 * The error catalog: every error declared by an error enum
 * (`(protogov.errors.v1.domain)` on the enum, `(protogov.errors.v1.error)` on
 * its values), read with the same model the lint rules and the errors plugin
 * use, so all three agree on reasons, codes and parameters.
 *
 * An error's identity is what clients match on: domain + reason (AIP-193's
 * ErrorInfo). Errors are matched by that first, then by their enum value, so
 * a changed domain or reason is one change instead of a removal plus an
 * addition.
 *
 * Classification (see CHANGE_RULES): removed, reason, domain, effective code,
 * number, template parameters, effective HTTP status = breaking (clients branch
 * on them, generated constructors take the parameters); added = feature;
 * message text with the same parameters = docs; retryable and retry_delay_ms =
 * feature (clients retry more or less, none fails to build or decode). An HTTP
 * status that only follows a code change (both derived from the code) is not
 * reported twice.
 */
import type { DescEnum, DescEnumValue, DescFile } from "@bufbuild/protobuf";
import { type ErrorValue, readErrorEnum } from "../../model/error-model/error-model.js";
import { Code } from "../../model/gen/protogov/errors/v1/errors_pb.js";
import type { ChangeRuleId } from "./classification.js";
import type { DiffContext } from "./context.js";
import { addedLine, changedLine, removedLine, type Subject } from "./phrases.js";

interface CatalogEntry {
  domain: string;
  error: ErrorValue;
  value: DescEnumValue;
  pkg: string;
}

/** Compares the errors declared in the given files of each tree. */
export function diffErrorCatalog(ctx: DiffContext, oldFiles: readonly DescFile[], newFiles: readonly DescFile[]): void {
  const before = collect(oldFiles);
  const after = collect(newFiles);
  if (before.length === 0 && after.length === 0) return;
  const key = (e: CatalogEntry) => `${e.domain}\u0000${e.error.reason}`;
  const afterByKey = new Map(after.map((e) => [key(e), e]));
  const used = new Set<CatalogEntry>();
  const unmatched: CatalogEntry[] = [];
  for (const b of before) {
    const a = afterByKey.get(key(b));
    if (a && !used.has(a)) {
      used.add(a);
      compare(ctx, b, a);
    } else unmatched.push(b);
  }
  const afterByValue = new Map(after.filter((a) => !used.has(a)).map((a) => [a.error.protoName, a]));
  for (const b of unmatched) {
    const a = afterByValue.get(b.error.protoName);
    if (a && !used.has(a)) {
      used.add(a);
      compare(ctx, b, a);
      continue;
    }
    const s = subject(b);
    ctx.emit("ERROR_REMOVED", "removed", s, { before: b.error.protoName, message: removedLine(s), old: b.value });
  }
  for (const a of after) {
    if (used.has(a)) continue;
    const s = subject(a);
    ctx.emit("ERROR_ADDED", "added", s, { after: a.error.protoName, message: addedLine(s), new: a.value });
  }
}

function compare(ctx: DiffContext, b: CatalogEntry, a: CatalogEntry): void {
  const s = subject(a);
  const change = (rule: ChangeRuleId, aspect: string, before: string, after: string, on = s) => {
    if (before === after) return;
    ctx.emit(rule, "changed", on, { aspect, before, after, message: changedLine(on, aspect, before, after), old: b.value, new: a.value });
  };
  change("ERROR_DOMAIN_CHANGED", "domain", b.domain, a.domain, subject({ ...a, domain: b.domain }));
  change("ERROR_REASON_CHANGED", "reason", b.error.reason, a.error.reason, subject(b));
  const codeChanged = b.error.code !== a.error.code;
  change("ERROR_CODE_CHANGED", "code", codeName(b.error.code), codeName(a.error.code));
  change("ERROR_NUMBER_CHANGED", "number", String(b.error.options.number), String(a.error.options.number));
  const params = (e: ErrorValue) => e.params.map((p) => `{${p.name}}`).join(", ");
  const paramsChanged = params(b.error) !== params(a.error);
  change("ERROR_PARAMETERS_CHANGED", "template parameters", params(b.error), params(a.error));
  if (!paramsChanged) change("ERROR_MESSAGE_CHANGED", "message", b.error.options.message, a.error.options.message);
  const derived = b.error.options.httpStatus === 0 && a.error.options.httpStatus === 0;
  if (!(codeChanged && derived)) change("ERROR_HTTP_STATUS_CHANGED", "HTTP status", String(b.error.httpStatus), String(a.error.httpStatus));
  change("ERROR_RETRY_CHANGED", "retryable flag", String(b.error.options.retryable), String(a.error.options.retryable));
  const delay = (e: ErrorValue) => (e.options.retryDelayMs === undefined ? "" : `${e.options.retryDelayMs} ms`);
  change("ERROR_RETRY_CHANGED", "retry delay", delay(b.error), delay(a.error));
}

function subject(e: CatalogEntry): Subject {
  const domain = e.domain === "" ? "(no domain)" : e.domain;
  return {
    element: "error",
    name: `${domain}/${e.error.reason}`,
    package: e.pkg,
    noun: "error",
    short: e.error.reason,
    container: `domain \`${domain}\``,
  };
}

function codeName(code: number): string {
  const name = Code[code];
  return name === undefined ? String(code) : `CODE_${name}`;
}

function collect(files: readonly DescFile[]): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  const visit = (e: DescEnum) => {
    // cheap pre-check: only enums or values with options can be error enums
    if (!e.proto.options && !e.proto.value.some((v) => v.options)) return;
    const model = readErrorEnum(e.proto, e.typeName);
    if (!model) return;
    const byProto = new Map(e.values.map((v) => [v.proto, v]));
    for (const error of model.errors) {
      const value = byProto.get(error.value);
      if (value) entries.push({ domain: model.domain, error, value, pkg: e.file.proto.package });
    }
  };
  for (const file of files) {
    for (const e of file.enums) visit(e);
    const stack = [...file.messages];
    for (let m = stack.pop(); m; m = stack.pop()) {
      for (const e of m.nestedEnums) visit(e);
      stack.push(...m.nestedMessages);
    }
  }
  return entries;
}

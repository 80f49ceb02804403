/**
 * API-shape rules: changes that no single descriptor property shows, but that
 * change the shape of every generated client (Google's
 * proto-breaking-change-detector has them; buf has not):
 * - pagination (AIP-158): a method is paginated when its request has
 *   `int32 page_size` and `string page_token`, its response has `string
 *   next_page_token` and a repeated field of results, and it is neither
 *   server-streaming nor long-running. GAPIC clients then return a pager that
 *   iterates the results instead of the response: a method that becomes
 *   paginated, stops being paginated, or pages over another field changes
 *   every generated client's signature (detector
 *   METHOD_PAGINATED_RESPONSE_CHANGE), even though each field added or
 *   removed is reported on its own too.
 * - a new field that is REQUIRED (AIP-203): callers built against the old API
 *   never set it and are rejected (detector NEW_REQUIRED_FIELD, feat!).
 */
import type { DescField, DescMessage, DescMethod } from "@bufbuild/protobuf";
import { ScalarType } from "@bufbuild/protobuf";
import type { DiffContext, Side } from "./context.js";
import { optionJson } from "./options-diff.js";
import type { Subject } from "./phrases.js";

const OPERATION = "google.longrunning.Operation";

/** The repeated field a paginated method pages over, or undefined when the method is not paginated. */
export function pagedResultField(method: DescMethod): DescField | undefined {
  if (method.methodKind === "server_streaming" || method.methodKind === "bidi_streaming") return undefined;
  if (method.output.typeName === OPERATION) return undefined;
  const has = (m: DescMessage, name: string, scalar: ScalarType) =>
    m.fields.some((f) => f.name === name && f.fieldKind === "scalar" && f.scalar === scalar);
  if (!has(method.input, "page_size", ScalarType.INT32) || !has(method.input, "page_token", ScalarType.STRING)) return undefined;
  if (!has(method.output, "next_page_token", ScalarType.STRING)) return undefined;
  return method.output.fields.find((f) => f.fieldKind === "list" || f.fieldKind === "map");
}

export function diffPagination(ctx: DiffContext, s: Subject, b: DescMethod, a: DescMethod): void {
  const before = pagedResultField(b);
  const after = pagedResultField(a);
  if (!before && !after) return;
  const label = `method \`${s.short}\` in ${s.container ?? ""}`;
  if (!before && after) {
    ctx.emit("METHOD_PAGINATION_ADDED", "changed", s, {
      aspect: "pagination",
      after: after.name,
      message: `The ${label} becomes paginated over \`${after.name}\` (AIP-158): generated clients return a pager.`,
      old: b,
      new: a,
    });
  } else if (before && !after) {
    ctx.emit("METHOD_PAGINATION_REMOVED", "changed", s, {
      aspect: "pagination",
      before: before.name,
      message: `The ${label} is no longer paginated (AIP-158): generated clients stop returning a pager.`,
      old: b,
      new: a,
    });
  } else if (before && after && before.name !== after.name) {
    ctx.emit("METHOD_PAGINATION_CHANGED", "changed", s, {
      aspect: "pagination",
      before: before.name,
      after: after.name,
      message: `The paginated results of ${label} change from \`${before.name}\` to \`${after.name}\`.`,
      old: b,
      new: a,
    });
  }
}

/** Whether a field carries `(google.api.field_behavior) = REQUIRED`. */
export function isRequiredField(side: Side, field: DescField): boolean {
  const value = optionJson(side, field, "google.api.field_behavior");
  return Array.isArray(value) && value.includes("REQUIRED");
}

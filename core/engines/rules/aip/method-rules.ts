/**
 * Rules about one method at a time (AIP-127, 131-135, 151, 158), as api-linter's
 * MethodRule: a method seen with its request and response messages (from any
 * file, through the type index), its google.api.http bindings, method
 * signatures and operation_info; a predicate saying which methods the rule is
 * about, and a lint that returns at most one problem and where it points.
 */
import type { FileDescriptorProto, MethodDescriptorProto } from "@bufbuild/protobuf/wkt";
import {
  type HttpRule,
  hasHttpRule,
  httpRules,
  methodSignatures,
  type OperationInfo,
  operationInfo,
} from "../../../model/descriptors/google-api-options.js";
import type { IndexedMessage, TypeIndex } from "../../../model/descriptors/type-index.js";
import { defineAipRule } from "./aip-rule.js";
import { type Element, elements } from "./elements.js";

export interface MethodView {
  element: Element;
  proto: MethodDescriptorProto;
  name: string;
  input: IndexedMessage;
  output: IndexedMessage;
  http: HttpRule[];
  /** The method has a google.api.http option, even one without a pattern. */
  hasHttp: boolean;
  signatures: string[][];
  operationInfo: OperationInfo | undefined;
  /** The file declaring the method, and its package. */
  file: FileDescriptorProto;
  pkg: string;
  types: TypeIndex;
}

/**
 * Where api-linter points a method's problem: the method itself (its `rpc`
 * keyword), or one of its parts; a part without a source location falls back
 * to the method, as api-linter's does.
 */
export type MethodPart = "method" | "name" | "http" | "signature" | "request" | "response" | "operation-info";

const PART_PATHS: Record<MethodPart, readonly number[]> = {
  method: [],
  name: [1],
  request: [2],
  response: [3],
  http: [4, 72295728],
  signature: [4, 1051, 0],
  "operation-info": [4, 1049],
};

export interface MethodProblem {
  message: string;
  at: MethodPart;
}

export interface MethodRuleSpec {
  aip: number;
  name: string;
  description: string;
  rationale: string;
  only?(m: MethodView): boolean;
  lint(m: MethodView): MethodProblem | undefined;
}

export function defineMethodRule(spec: MethodRuleSpec) {
  return defineAipRule({
    aip: spec.aip,
    name: spec.name,
    description: spec.description,
    rationale: spec.rationale,
    needsTypes: true,
    check(file, problem, ctx) {
      for (const view of methodViews(file, ctx.types)) {
        if (spec.only && !spec.only(view)) continue;
        const found = spec.lint(view);
        if (found) problem(view.element, found.message, PART_PATHS[found.at]);
      }
    },
  });
}

/** The file's methods whose request and response resolve, as api-linter sees them. */
export function* methodViews(file: FileDescriptorProto, types: TypeIndex): Generator<MethodView> {
  for (const e of elements(file)) {
    if (e.kind !== "method") continue;
    const input = types.message(e.proto.inputType);
    const output = types.message(e.proto.outputType);
    if (!input || !output) continue;
    const opts = e.proto.options;
    yield {
      element: e,
      proto: e.proto,
      name: e.proto.name,
      input,
      output,
      http: httpRules(opts),
      hasHttp: hasHttpRule(opts),
      signatures: methodSignatures(opts),
      operationInfo: operationInfo(opts),
      file,
      pkg: file.package,
      types,
    };
  }
}

export function isOperation(m: IndexedMessage | undefined): boolean {
  return m?.fullName === "google.longrunning.Operation";
}

/** utils.GetResponseType: the output, or for an LRO the operation_info response type (undefined if unresolved). */
export function responseType(m: MethodView): IndexedMessage | undefined {
  if (!isOperation(m.output)) return m.output;
  if (!m.operationInfo) return undefined;
  return m.types.findInOption(m.operationInfo.responseType, m.pkg);
}

export function hasField(m: IndexedMessage, name: string): boolean {
  return m.proto.field.some((f) => f.name === name);
}

/**
 * The checks AIP-131..135 repeat for each standard method (api-linter's
 * utils/common_lints.go): the HTTP verb, the HTTP body, a variable in the URI,
 * the method signature, each as a rule factory so a rule file only says which
 * method and which value.
 */
import type { GovernanceRule } from "../rule.js";
import { uriVariables } from "./http-uri.js";
import { defineMethodRule, isOperation, type MethodProblem, type MethodView, responseType } from "./method-rules.js";
import { isStandardMethod, type StandardMethod } from "./standard-methods.js";

const RATIONALE_HTTP = "Clients, gateways and generated REST bindings assume the standard mapping of each standard method to HTTP.";
const RATIONALE_SIGNATURE = "Client libraries generate their flattened method overloads from the method signature.";

export function httpVerbRule(aip: number, kind: StandardMethod, verb: string): GovernanceRule {
  return defineMethodRule({
    aip,
    name: "http-method",
    description: `${kind} methods use the HTTP ${verb} verb.`,
    rationale: RATIONALE_HTTP,
    only: (m) => isStandardMethod(kind, m),
    lint: (m) =>
      m.http.some((r) => r.method !== verb)
        ? { message: `The \`${m.name}\` method should use the HTTP ${verb} verb.`, at: "http" }
        : undefined,
  });
}

/** Each binding's body must be `want(m)` (api-linter's lintHTTPBody). */
export function httpBodyRule(
  aip: number,
  kind: StandardMethod,
  description: string,
  want: (m: MethodView) => string,
  message: (m: MethodView) => string,
): GovernanceRule {
  return defineMethodRule({
    aip,
    name: "http-body",
    description,
    rationale: RATIONALE_HTTP,
    only: (m) => isStandardMethod(kind, m),
    lint: (m) => (m.http.some((r) => r.body !== want(m)) ? { message: message(m), at: "http" } : undefined),
  });
}

export function noHttpBodyRule(aip: number, kind: StandardMethod): GovernanceRule {
  return httpBodyRule(
    aip,
    kind,
    `${kind} methods have no HTTP body.`,
    () => "",
    (m) => `The \`${m.name}\` method should not have an HTTP body.`,
  );
}

/** utils.LintHTTPURIHasVariable: every binding's URI has the variable. */
export function lintUriVariable(m: MethodView, variable: string): MethodProblem | undefined {
  return m.http.some((r) => !uriVariables(r).has(variable))
    ? { message: `HTTP URI should include a \`${variable}\` variable.`, at: "http" }
    : undefined;
}

export function uriVariableRule(
  aip: number,
  kind: StandardMethod,
  name: string,
  variable: (m: MethodView) => string,
  only: (m: MethodView) => boolean = () => true,
): GovernanceRule {
  return defineMethodRule({
    aip,
    name,
    description: `${kind} methods carry the resource name in an HTTP URI variable.`,
    rationale: RATIONALE_HTTP,
    only: (m) => isStandardMethod(kind, m) && only(m),
    lint: (m) => lintUriVariable(m, variable(m)),
  });
}

/** The first method signature must be exactly `want(m)` (Get, List, Create, Update). */
export function exactSignatureRule(
  aip: number,
  kind: StandardMethod,
  want: (m: MethodView) => string[],
  only: (m: MethodView) => boolean = () => true,
): GovernanceRule {
  return defineMethodRule({
    aip,
    name: "method-signature",
    description: `${kind} methods declare the standard \`google.api.method_signature\`.`,
    rationale: RATIONALE_SIGNATURE,
    only: (m) => isStandardMethod(kind, m) && only(m),
    lint: (m) => {
      const w = want(m);
      if (w.length === 0) return undefined;
      const joined = w.join(",");
      const first = m.signatures[0];
      if (!first) return { message: `${kind} methods should include \`(google.api.method_signature) = "${joined}"\``, at: "method" };
      if (first.join("\u0000") !== w.join("\u0000"))
        return { message: `The method signature for ${kind} methods should be "${joined}".`, at: "signature" };
      return undefined;
    },
  });
}

/** utils.LintMethodHasMatchingResponseName: `ListBooks` returns `ListBooksResponse` (for an LRO, its response type). */
export function lintResponseNamedAfterMethod(m: MethodView): MethodProblem | undefined {
  const rt = responseType(m);
  if (!rt) return undefined;
  const want = `${m.name}Response`;
  if (rt.proto.name === want) return undefined;
  return {
    message: `Response message should be named after the RPC, i.e. "${want}".`,
    at: isOperation(m.output) ? "operation-info" : "response",
  };
}

/** The response (for an LRO, its response type) is the resource `want(m)` (Create, Update). */
export function resourceResponseRule(aip: number, kind: StandardMethod, want: (m: MethodView) => string): GovernanceRule {
  return defineMethodRule({
    aip,
    name: "response-message-name",
    description: `${kind} methods return the resource (or an LRO whose response type is the resource).`,
    rationale:
      "Returning the resource itself lets clients see the server's view of it (defaults, output-only fields) without another call.",
    only: (m) => isStandardMethod(kind, m),
    lint: (m) => {
      const resp = responseType(m);
      const w = want(m);
      if (!resp || resp.proto.name === w) return undefined;
      return { message: `${kind} RPCs should have the corresponding resource as the response message, such as "${w}".`, at: "response" };
    },
  });
}

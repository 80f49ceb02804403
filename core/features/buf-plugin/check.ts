/** The `check` call of `buf-plugin-protogov`: lint when buf sends no `against` files' rules, breaking when it does. */
import {
  checkRequestFiles,
  checkRequestOptions,
  checkRequestRuleIds,
  encodeCheckResponse,
} from "../../engines/lint/buf-check-plugin/protocol.js";
import { breakingAnnotations } from "./breaking-check.js";
import { BREAKING_ERROR_RULES } from "./catalog.js";
import { lintAnnotations } from "./lint-check.js";
import { configFromOptions } from "./options.js";

export function check(request: Uint8Array): Uint8Array {
  const ruleIds = checkRequestRuleIds(request);
  const files = [...checkRequestFiles(request)];
  const breakingIds = ruleIds.filter((id) => (BREAKING_ERROR_RULES as readonly string[]).includes(id));
  const lintIds = ruleIds.filter((id) => !breakingIds.includes(id));
  // buf sends the rule ids of one kind per call: lint rules for `buf lint`, breaking rules for `buf breaking`.
  if (breakingIds.length > 0 && lintIds.length === 0) {
    return encodeCheckResponse(breakingAnnotations(files, [...checkRequestFiles(request, "against")], breakingIds));
  }
  const config = configFromOptions(checkRequestOptions(request), lintIds);
  return encodeCheckResponse(lintAnnotations(files, config));
}

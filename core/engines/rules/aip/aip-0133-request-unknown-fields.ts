/** AIP-133: Create requests hold only parent, the resource, `<resource>_id`, request_id, validate_only and views (api-linter core::0133::request-unknown-fields). */
import type { MessageCheck } from "./message-rules.js";
import { requestUnknownFieldsRule } from "./request-fields.js";
import { snakeCase } from "./strcase.js";

/** The resource a `Create<X>Request` creates: X, or the name of a field's message type X contains (getResourceMsgNameFromReq). */
export function createdResourceName(c: MessageCheck): string {
  let name = c.proto.name.slice(6, -7);
  for (const f of c.proto.field) {
    const type = f.typeName ? c.types.message(f.typeName) : undefined;
    if (type && name.includes(type.proto.name)) name = type.proto.name;
  }
  return name;
}

export default requestUnknownFieldsRule(
  133,
  "Create",
  (c) => ["parent", "request_id", "validate_only", "view", `${snakeCase(createdResourceName(c)).toLowerCase()}_id`],
  true,
  // The resource itself is the request's body.
  (c, f) => f.typeName !== "" && c.types.message(f.typeName)?.proto.name === createdResourceName(c),
);

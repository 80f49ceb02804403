/**
 * AIP-133: Create requests make only `parent`, the resource and `<resource>_id`
 * REQUIRED (api-linter core::0133::request-required-fields); the resource's
 * name comes from the response's `singular` (an LRO's response type), else
 * from the method name.
 */
import { fieldBehaviors } from "../../../model/descriptors/google-api-options.js";
import { responseType } from "./method-rules.js";
import { defineRequestFieldRule } from "./request-field-rules.js";
import { singularOf } from "./resource-patterns.js";
import { resourceMessageName, resourceOf } from "./resources.js";
import { isStandard } from "./standard-methods.js";
import { snakeCase } from "./strcase.js";

export default defineRequestFieldRule({
  aip: 133,
  name: "request-required-fields",
  description: "Create requests make only `parent`, the resource and `<resource>_id` REQUIRED.",
  rationale: "Every REQUIRED field becomes a mandatory argument in client libraries; standard methods keep the same arguments everywhere.",
  only: (m) => isStandard("Create", m.name) && responseType(m) !== undefined,
  lint: (m) => {
    const r = resourceOf(responseType(m));
    let resource = r ? singularOf(r) : "";
    if (resource === "") resource = resourceMessageName(m, "Create");
    const snake = snakeCase(resource).toLowerCase();
    const allowed = new Set(["parent", `${snake}_id`, snake]);
    return m.input.proto.field.flatMap((f, field) =>
      fieldBehaviors(f.options).has("REQUIRED") && !allowed.has(f.name)
        ? [{ field, message: `Create RPCs must only require fields explicitly described in AIPs, not "${f.name}".` }]
        : [],
    );
  },
});

/** AIP-134: Update requests make only the resource and `update_mask` REQUIRED (api-linter core::0134::request-required-fields). */
import { fieldBehaviors } from "../../../model/descriptors/google-api-options.js";
import { responseType } from "./method-rules.js";
import { defineRequestFieldRule } from "./request-field-rules.js";
import { isStandard, simpleName } from "./standard-methods.js";

export default defineRequestFieldRule({
  aip: 134,
  name: "request-required-fields",
  description: "Update requests make only the resource and `update_mask` REQUIRED.",
  rationale: "Every REQUIRED field becomes a mandatory argument in client libraries; standard methods keep the same arguments everywhere.",
  only: (m) => isStandard("Update", m.name),
  lint: (m) => {
    const out = responseType(m);
    if (!out) return [];
    return m.input.proto.field.flatMap((f, field) => {
      if (!fieldBehaviors(f.options).has("REQUIRED") || f.name === "update_mask") return [];
      // The resource itself (the standard Update's response type, compared by simple name as api-linter does).
      if (f.typeName !== "" && simpleName(f.typeName) === out.proto.name && m.types.message(f.typeName)) return [];
      return [{ field, message: `Update RPCs must only require fields explicitly described in AIPs, not "${f.name}".` }];
    });
  },
});

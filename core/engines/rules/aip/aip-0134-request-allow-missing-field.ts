/** AIP-134: Update requests of declarative-friendly resources have `bool allow_missing` (api-linter core::0134::request-allow-missing-field). */
import { resource } from "../../../model/descriptors/google-api-options.js";
import { declarativeFriendlyOfMessage } from "./declarative-friendly.js";
import { defineMessageRule, isRepeated } from "./message-rules.js";
import { isRequestMessage } from "./request-fields.js";
import { isSingletonPattern } from "./resource-patterns.js";

const TYPE_BOOL = 8;

export default defineMessageRule({
  aip: 134,
  name: "request-allow-missing-field",
  description: "Update requests of declarative-friendly resources (not singletons) have a singular `bool allow_missing` field.",
  rationale: "Declarative tools create-or-update in one call; `allow_missing` makes Update create a missing resource.",
  needsTypes: true,
  only: (m) => isRequestMessage("Update", m),
  lint: (c) => {
    const r = declarativeFriendlyOfMessage(c.types, c.proto, c.file);
    if (!r || (resource(r.options)?.pattern ?? []).some(isSingletonPattern)) return;
    if (c.proto.field.some((f) => f.name === "allow_missing" && f.type === TYPE_BOOL && !isRepeated(f))) return;
    c.problem(c.message, "Update requests on declarative-friendly resources should include a singular `bool allow_missing` field.", []);
  },
});

/** AIP-148: resources have `uid`, not `id` (api-linter core::0148::use-uid). */
import { defineFieldRule } from "./field-rules.js";
import { isResourceMessage } from "./resource-rules.js";

export default defineFieldRule({
  aip: 148,
  name: "use-uid",
  description: "A resource's system-assigned identifier is `uid`, not `id`.",
  rationale: "Resources are identified by their name; `id` reads as the name's last segment, `uid` says it is a system identifier.",
  at: [1],
  lint: (f) => (isResourceMessage(f.parent) && f.proto.name === "id" ? "Use uid instead of id." : undefined),
});

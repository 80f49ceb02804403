/** AIP-123: a resource's type ends in the message's name (api-linter core::0123::resource-type-message). */
import { defineResourceRule, RESOURCE_OPTION } from "./resource-rules.js";

export default defineResourceRule({
  aip: 123,
  name: "resource-type-message",
  description: "The type of a resource (`library.googleapis.com/Book`) ends in the name of its message (`Book`).",
  rationale: "Generated code maps resource types to message types by this name.",
  typed: true,
  lint: (c, r) => {
    const type = r.type.slice(r.type.lastIndexOf("/") + 1);
    if (type !== c.proto.name)
      c.problem(c.message, `Resource type name "${type}" should match containing message name "${c.proto.name}"`, RESOURCE_OPTION);
  },
});

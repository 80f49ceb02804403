/**
 * AIP-133: in a Create request, `parent` and `<resource>_id` are strings and
 * `<resource>` is a message (api-linter core::0133::request-required-fields-types),
 * reported on the field in the file declaring it.
 */
import { responseType } from "./method-rules.js";
import { defineRequestFieldRule } from "./request-field-rules.js";
import { singularOf } from "./resource-patterns.js";
import { resourceMessageName, resourceOf } from "./resources.js";
import { isStandard } from "./standard-methods.js";
import { snakeCase } from "./strcase.js";

/** FieldDescriptorProto.Type: TYPE_STRING 9, TYPE_MESSAGE 11. */
const TYPE_STRING = 9;
const TYPE_MESSAGE = 11;

export default defineRequestFieldRule({
  aip: 133,
  name: "request-required-fields-types",
  description: "In Create requests, `parent` and `<resource>_id` are strings and `<resource>` is a message.",
  rationale: "Client libraries build Create calls from these fields; the wrong type breaks that contract.",
  only: (m) => isStandard("Create", m.name) && responseType(m) !== undefined,
  lint: (m) => {
    const r = resourceOf(responseType(m));
    const noun = (r ? singularOf(r) : "") || resourceMessageName(m, "Create");
    const snake = snakeCase(noun);
    const fields = m.input.proto.field;
    const problems: { field: number; message: string }[] = [];
    const check = (name: string, ok: (type: number) => boolean, message: string) => {
      const i = fields.findIndex((f) => f.name === name);
      const f = fields[i];
      if (f && !ok(f.type)) problems.push({ field: i, message });
    };
    check("parent", (t) => t === TYPE_STRING, 'The field "parent" must be of type string.');
    check(`${snake}_id`, (t) => t === TYPE_STRING, `The resource ID field "${snake}_id" must be of type string.`);
    check(snake, (t) => t === TYPE_MESSAGE, `The resource field "${snake}" must be of type message.`);
    return problems;
  },
});

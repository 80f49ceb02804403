/**
 * AIP-133: Create methods declare `(google.api.method_signature) =
 * "parent,book,book_id"`: `parent` if the resource has one, the request's first
 * resource field, and `<resource>_id` if the request has it (api-linter
 * core::0133::method-signature).
 */
import { type MethodView, responseType } from "./method-rules.js";
import { fieldMessage, hasParent, isResource, resourceMessageName, resourceOf } from "./resources.js";
import { exactSignatureRule } from "./standard-method-lints.js";
import { snakeCase } from "./strcase.js";

function wanted(m: MethodView): string[] {
  const want: string[] = [];
  if (hasParent(resourceOf(responseType(m)))) want.push("parent");
  const resourceField = m.input.proto.field.find((f) => isResource(fieldMessage(m, f.typeName ?? "")));
  if (resourceField) want.push(resourceField.name);
  const idField = `${snakeCase(resourceMessageName(m, "Create"))}_id`;
  if (m.input.proto.field.some((f) => f.name === idField)) want.push(idField);
  return want;
}

export default exactSignatureRule(133, "Create", wanted, (m) => isResource(responseType(m)));

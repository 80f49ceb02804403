/**
 * The elements an AIP rule looks at, in api-linter's order and scope: services
 * and methods, messages (nested ones too, not map entries) and their fields,
 * enums (nested ones too) and their values. Each carries its source path and
 * its ancestors, because a disable comment or `deprecated` on a message
 * covers its fields (api-linter walks the parents).
 */
import type {
  DescriptorProto,
  EnumDescriptorProto,
  EnumValueDescriptorProto,
  FieldDescriptorProto,
  FileDescriptorProto,
  MethodDescriptorProto,
  ServiceDescriptorProto,
} from "@bufbuild/protobuf/wkt";
import { EnumPath, FilePath, MessagePath, ServicePath } from "../../../model/descriptors/source-paths.js";

export type Element =
  | { kind: "service"; proto: ServiceDescriptorProto; path: number[]; ancestors: Element[] }
  | { kind: "method"; proto: MethodDescriptorProto; path: number[]; ancestors: Element[] }
  | { kind: "message"; proto: DescriptorProto; path: number[]; ancestors: Element[] }
  | { kind: "field"; proto: FieldDescriptorProto; path: number[]; ancestors: Element[] }
  | { kind: "enum"; proto: EnumDescriptorProto; path: number[]; ancestors: Element[] }
  | { kind: "value"; proto: EnumValueDescriptorProto; path: number[]; ancestors: Element[] };

/** The path of an element's name (where api-linter points its findings). */
export const NAME_FIELD = 1;

export function* elements(file: FileDescriptorProto): Generator<Element> {
  for (const [i, service] of file.service.entries()) {
    const s: Element = { kind: "service", proto: service, path: [FilePath.service, i], ancestors: [] };
    yield s;
    for (const [j, method] of service.method.entries()) {
      yield { kind: "method", proto: method, path: [...s.path, ServicePath.method, j], ancestors: [s] };
    }
  }
  for (const [i, message] of file.messageType.entries()) yield* messageElements(message, [FilePath.messageType, i], []);
  for (const [i, en] of file.enumType.entries()) yield* enumElements(en, [FilePath.enumType, i], []);
}

function* messageElements(message: DescriptorProto, path: number[], ancestors: Element[]): Generator<Element> {
  if (message.options?.mapEntry) return;
  const m: Element = { kind: "message", proto: message, path, ancestors };
  const inside = [m, ...ancestors];
  yield m;
  for (const [i, field] of message.field.entries())
    yield { kind: "field", proto: field, path: [...path, MessagePath.field, i], ancestors: inside };
  for (const [i, nested] of message.nestedType.entries()) yield* messageElements(nested, [...path, MessagePath.nestedType, i], inside);
  for (const [i, en] of message.enumType.entries()) yield* enumElements(en, [...path, MessagePath.enumType, i], inside);
}

function* enumElements(en: EnumDescriptorProto, path: number[], ancestors: Element[]): Generator<Element> {
  const e: Element = { kind: "enum", proto: en, path, ancestors };
  yield e;
  for (const [i, value] of en.value.entries())
    yield { kind: "value", proto: value, path: [...path, EnumPath.value, i], ancestors: [e, ...ancestors] };
}

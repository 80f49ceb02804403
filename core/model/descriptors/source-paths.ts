/**
 * Source-code-info path numbers (descriptor.proto field numbers), named so
 * rules read as what they address.
 */
export const FilePath = {
  package: 2,
  dependency: 3,
  messageType: 4,
  enumType: 5,
  service: 6,
  extension: 7,
  options: 8,
  publicDependency: 10,
  weakDependency: 11,
  syntax: 12,
} as const;

export const MessagePath = { field: 2, nestedType: 3, enumType: 4, extension: 6, oneofDecl: 8 } as const;
export const EnumPath = { value: 2 } as const;
export const ServicePath = { method: 2 } as const;

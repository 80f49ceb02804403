/**
 * The generators compiled into protoc (`--NAME_out`). A target may name them as
 * plugins; the config check uses the list to keep them out of TypeScript
 * packages, and generate runs them through the system protoc.
 */
export const PROTOC_BUILTINS: ReadonlySet<string> = new Set(["java", "kotlin", "python", "pyi", "php", "ruby", "csharp", "cpp", "objc"]);

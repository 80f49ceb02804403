/**
 * @bufbuild/protoplugin, loaded through `require`. Its ES module build imports
 * `typescript` (for the js/dts transpile step), and importing that 9 MB
 * CommonJS file from an ES module makes Node scan it for named exports: about
 * 1 s per plugin start on this machine, against 0.3 s through `require` (the
 * way protoc-gen-es loads it). Every protogov plugin imports protoplugin from
 * here. Messages and descriptors are plain objects in protobuf-es v2, so the
 * CommonJS copy of @bufbuild/protobuf it brings works with ours.
 */
import { createRequire } from "node:module";
import type * as Protoplugin from "@bufbuild/protoplugin";

export type { GeneratedFile, Plugin, Schema } from "@bufbuild/protoplugin";

const protoplugin = createRequire(import.meta.url)("@bufbuild/protoplugin") as typeof Protoplugin;

export const { createEcmaScriptPlugin, getComments, getDeclarationString } = protoplugin;

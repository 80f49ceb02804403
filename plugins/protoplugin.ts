/**
 * @bufbuild/protoplugin, loaded through `require`. Its ES module build imports
 * `typescript` (for the js/dts transpile step), and importing that 9 MB
 * CommonJS file from an ES module makes Node scan it for named exports: about
 * 1 s per plugin start on this machine, against 0.3 s through `require` (the
 * way protoc-gen-es loads it). Every protogov plugin imports protoplugin from
 * here. Messages and descriptors are plain objects in protobuf-es v2, so the
 * CommonJS copy of @bufbuild/protobuf it brings works with ours.
 */
import Module, { createRequire } from "node:module";
import type * as Protoplugin from "@bufbuild/protoplugin";

export type { GeneratedFile, Plugin, Schema } from "@bufbuild/protoplugin";

const requireHere = createRequire(import.meta.url);

/**
 * protoplugin requires `typescript` when it loads, but uses it only to
 * transpile (target=js or dts). Loading it costs ~1-1.5 s, most of a plugin
 * run on a small request. This puts a stand-in for typescript in the module
 * cache that loads the real compiler on first use: target=ts runs never pay.
 */
function deferTypescript(): void {
  const fromProtoplugin = createRequire(requireHere.resolve("@bufbuild/protoplugin"));
  let path: string;
  try {
    path = fromProtoplugin.resolve("typescript");
  } catch {
    return; // not installed where protoplugin looks: protoplugin itself will say so
  }
  const cache = (Module as unknown as { _cache: Record<string, Module | undefined> })._cache;
  if (cache[path]) return;
  let real: object | undefined;
  const load = (): object => {
    if (!real) {
      delete cache[path];
      real = fromProtoplugin("typescript") as object;
    }
    return real;
  };
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  // `__esModule` is read at require time by the CommonJS interop helper: answer it without loading.
  standIn.exports = new Proxy(
    {},
    {
      get: (_target, prop) => (prop === "__esModule" ? undefined : Reflect.get(load(), prop)),
      has: (_target, prop) => Reflect.has(load(), prop),
      ownKeys: () => Reflect.ownKeys(load()),
      getOwnPropertyDescriptor: (_target, prop) => {
        const d = Reflect.getOwnPropertyDescriptor(load(), prop);
        return d ? { ...d, configurable: true } : undefined;
      },
    },
  );
  cache[path] = standIn;
}

deferTypescript();
const protoplugin = requireHere("@bufbuild/protoplugin") as typeof Protoplugin;

export const { createEcmaScriptPlugin, getComments, getDeclarationString } = protoplugin;

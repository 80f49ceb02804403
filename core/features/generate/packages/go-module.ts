/**
 * A Go target's output as a complete Go module: protoc-gen-go, -go-grpc (and
 * connect-go when listed) installed by protogov itself (engines/toolchains),
 * every file's go_package set to `<module>[/vN]/<proto dir>` so generated
 * imports point into this module (major 2 and up carry `/vN`, Go's rule for
 * a new major), `go.mod` requiring the exact runtime versions the code was
 * generated for, `go.sum` resolved by `go mod tidy` (from the module cache:
 * offline once cached), and `protogov.json` recording the version, the API
 * commit and the plugin versions.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { clone, create } from "@bufbuild/protobuf";
import { type FileDescriptorSet, FileDescriptorSetSchema, FileOptionsSchema } from "@bufbuild/protobuf/wkt";
import { goPackageNameOf } from "../../../../plugins/errors/lang/go.js";
import { cacheDir } from "../../../engines/cache/cache-dir.js";
import { CONNECT_RUNTIME, ERRORS_RUNTIME, ensureGoPlugin, GO_PLUGINS, goPluginPin } from "../../../engines/toolchains/go-plugins.js";
import { goComplaint, runGo } from "../../../engines/toolchains/go-tool.js";
import type { TargetConfig } from "../../../model/config/target-config.js";
import { ToolError } from "../../../model/errors.js";
import { removeTemp, tempDir } from "../../../model/fs/lifecycle.js";
import { PROTOGOV_VERSION } from "../../../model/version.js";
import { contentHash } from "../content-hash.js";
import type { ReleaseInfo } from "../npm-package.js";
import type { FileMap } from "../run-plugins.js";

/** The go directive of a generated module; `go mod tidy` raises it to what a dependency needs (grpc v1.85.0: 1.26). */
const GO_DIRECTIVE = "1.24.0";

/** `example.com/apis` at 0.x and 1.x, `example.com/apis/v2` at 2.x, and so on. */
export function goModulePath(target: TargetConfig, release: ReleaseInfo | undefined): string {
  const base = target.go?.module ?? target.name;
  const major = Number(release?.version.split(".")[0] ?? "0");
  return major >= 2 ? `${base}/v${major}` : base;
}

/**
 * The image with every non-well-known file's go_package pointing into the
 * module, so protoc-gen-go, -go-grpc and the errors plugin agree on paths and
 * names. A directory is one Go package: its name is the one a file's
 * go_package gives (the first, in image order), else buf's `usersv1`.
 */
export function goDescriptorSet(set: FileDescriptorSet, modulePath: string): FileDescriptorSet {
  const out = clone(FileDescriptorSetSchema, set);
  const shipped = goShippedFiles(set);
  const files = out.file.filter((f) => !f.name.startsWith("google/protobuf/") && !shipped.has(f.name));
  const dirOf = (name: string) => (name.includes("/") ? name.slice(0, name.lastIndexOf("/")) : "");
  const names = new Map<string, string>();
  for (const file of [...files.filter((f) => f.options?.goPackage), ...files]) {
    const dir = dirOf(file.name);
    if (!names.has(dir)) names.set(dir, goPackageNameOf(file.options?.goPackage || undefined, file.package));
  }
  for (const file of files) {
    const dir = dirOf(file.name);
    const goPackage = `${modulePath}${dir ? `/${dir}` : ""};${names.get(dir) ?? ""}`;
    if (file.options) file.options.goPackage = goPackage;
    else file.options = create(FileOptionsSchema, { goPackage });
  }
  return out;
}

/**
 * Files whose Go code a published module already ships (vendored googleapis
 * protos: their go_package is in genproto): the generated code imports them
 * from there and they are not generated again, so a consumer that also uses
 * genproto never registers the same proto file twice.
 */
export function goShippedFiles(set: FileDescriptorSet): Set<string> {
  return new Set(set.file.filter((f) => f.options?.goPackage?.startsWith("google.golang.org/")).map((f) => f.name));
}

/**
 * The target's plugins as run for a Go module: protogov's Go plugins resolved
 * to the executables it installed (name -> path), each writing paths relative
 * to the proto's directory, which is the package's directory in the module.
 */
export async function goPlugins(target: TargetConfig): Promise<{ target: TargetConfig; executables: Map<string, string> }> {
  const executables = new Map<string, string>();
  const root = cacheDir();
  for (const plugin of target.plugins) {
    const pin = goPluginPin(plugin.name);
    if (pin) executables.set(plugin.name, await ensureGoPlugin(root, pin));
  }
  const plugins = target.plugins.map((p) => (executables.has(p.name) ? { ...p, options: { ...p.options, paths: "source_relative" } } : p));
  return { target: { ...target, plugins }, executables };
}

const tidied = new Map<string, { mod: Uint8Array; sum: Uint8Array }>();

/** Adds go.mod, go.sum and protogov.json to the generated files. */
export async function buildGoModule(target: TargetConfig, generated: FileMap, release: ReleaseInfo | undefined): Promise<FileMap> {
  const modulePath = goModulePath(target, release);
  const used = GO_PLUGINS.filter((p) => target.plugins.some((t) => t.name === p.name));
  const errors = target.plugins.filter((t) => t.name === "errors");
  // The errors' connect-go file (option connect) imports connect even when the connect-go plugin is not listed.
  const needsConnect = errors.some((t) => t.options["connect"] === "true" || t.options["connect"] === "1");
  const errorsRuntime = [...(errors.length > 0 ? ERRORS_RUNTIME : []), ...(needsConnect ? CONNECT_RUNTIME : [])];
  const runtime = new Map([...used.map((p) => p.runtime), ...errorsRuntime].map((r) => [r.module, r.version]));
  const goMod = [
    // The plugin versions, not protogov's (in protogov.json, outside the content hash): an upgrade of protogov that changes no code releases nothing.
    `// Generated by protogov with ${used.map((p) => `${p.executable} ${p.version}`).join(", ") || "no Go plugins"}.`,
    `module ${modulePath}`,
    "",
    `go ${GO_DIRECTIVE}`,
    "",
    "require (",
    ...[...runtime].sort().map(([m, v]) => `\t${m} ${v}`),
    ")",
    "",
  ].join("\n");
  const files: FileMap = new Map(generated);
  const key = `${goMod}\0${contentHash(generated)}`;
  const resolved = tidied.get(key) ?? (await tidy(goMod, generated));
  tidied.set(key, resolved);
  files.set("go.mod", resolved.mod);
  if (resolved.sum.length > 0) files.set("go.sum", resolved.sum);
  const meta = {
    module: modulePath,
    version: release ? `v${release.version}` : "unreleased",
    target: target.name,
    generator: `protogov ${PROTOGOV_VERSION}`,
    ...(release?.sourceCommit ? { sourceCommit: release.sourceCommit } : {}),
    plugins: Object.fromEntries(used.map((p) => [p.executable, p.version])),
    runtime: Object.fromEntries(runtime),
    contentHash: contentHash(files),
  };
  files.set("protogov.json", new TextEncoder().encode(`${JSON.stringify(meta, null, 2)}\n`));
  return files;
}

/** `go mod tidy` on the module in a scratch directory: the full requirement list and go.sum. */
async function tidy(goMod: string, generated: FileMap): Promise<{ mod: Uint8Array; sum: Uint8Array }> {
  const dir = tempDir("protogov-gomod-");
  try {
    for (const [name, content] of generated) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    writeFileSync(join(dir, "go.mod"), goMod);
    // The user's Go settings (GOPROXY, GOPRIVATE, GOTOOLCHAIN, GOFLAGS) apply; only a workspace or vendoring could get in the way.
    const env = { GOFLAGS: `${process.env["GOFLAGS"] ?? ""} -mod=mod`.trim(), GOWORK: "off" };
    const r = await runGo(["mod", "tidy"], dir, env, "building the Go module's go.mod and go.sum");
    if (r.code !== 0) {
      throw new ToolError(`go mod tidy on the generated module failed:\n${goComplaint(r)}`, {
        hint: "the Go module proxy (GOPROXY) must be reachable once for the runtime modules; then the module cache serves them offline",
      });
    }
    const sum = join(dir, "go.sum");
    return { mod: readFileSync(join(dir, "go.mod")), sum: readFileSafe(sum) };
  } finally {
    removeTemp(dir);
  }
}

function readFileSafe(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch {
    return new Uint8Array();
  }
}

/**
 * The Go generator plugins protogov runs for Go targets, and the runtime
 * modules their code needs, pinned here and nowhere else. protogov installs
 * each plugin itself with `go install <module>/cmd/<name>@<version>` into its
 * cache (<cache>/go-plugins/<name>@<version>/), so a user never installs a
 * binary by hand; once installed, a plugin is found again without running go
 * at all (offline). The versions go into every generated module's
 * protogov.json and go.mod.
 */
import { chmodSync, copyFileSync, existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import { ToolError } from "../../model/errors.js";
import { removeTemp, tempDir } from "../../model/fs/lifecycle.js";
import { goComplaint, runGo } from "./go-tool.js";

export interface GoPluginPin {
  /** The plugin's name in a target (`plugins: - name: go`). */
  name: string;
  /** The executable, protoc-gen-<...>. */
  executable: string;
  /** The package `go install` builds. */
  installPath: string;
  version: string;
  /** The runtime module the generated code imports, at the version the code was generated for. */
  runtime: { module: string; version: string };
}

export const GO_PLUGINS: readonly GoPluginPin[] = [
  {
    name: "go",
    executable: "protoc-gen-go",
    installPath: "google.golang.org/protobuf/cmd/protoc-gen-go",
    version: "v1.36.12",
    runtime: { module: "google.golang.org/protobuf", version: "v1.36.12" },
  },
  {
    name: "go-grpc",
    executable: "protoc-gen-go-grpc",
    installPath: "google.golang.org/grpc/cmd/protoc-gen-go-grpc",
    version: "v1.6.2",
    runtime: { module: "google.golang.org/grpc", version: "v1.85.0" },
  },
  {
    name: "connect-go",
    executable: "protoc-gen-connect-go",
    installPath: "connectrpc.com/connect/cmd/protoc-gen-connect-go",
    version: "v1.21.1",
    runtime: { module: "connectrpc.com/connect", version: "v1.21.1" },
  },
];

/** The typed errors (plugins/errors, lang=go) use grpc's status and codes: they need grpc even without go-grpc. */
export const ERRORS_RUNTIME = GO_PLUGINS.filter((p) => p.name === "go-grpc").map((p) => p.runtime);
/** The typed errors with the option connect=true also import connect-go's runtime. */
export const CONNECT_RUNTIME = GO_PLUGINS.filter((p) => p.name === "connect-go").map((p) => p.runtime);

export function goPluginPin(name: string): GoPluginPin | undefined {
  return GO_PLUGINS.find((p) => p.name === name);
}

/** Where an installed plugin lives under protogov's cache. */
export function goPluginPath(cacheRoot: string, pin: GoPluginPin): string {
  return join(cacheRoot, "go-plugins", `${pin.executable}@${pin.version}`, pin.executable);
}

/**
 * The plugin's executable, installed first when it is not in the cache yet.
 * The install goes to a temporary GOBIN, is copied beside its final place and
 * renamed in: an interrupted install leaves nothing that looks installed.
 */
export async function ensureGoPlugin(cacheRoot: string, pin: GoPluginPin): Promise<string> {
  const exe = goPluginPath(cacheRoot, pin);
  if (existsSync(exe)) return exe;
  const bin = tempDir("protogov-gobin-");
  try {
    const r = await runGo(["install", `${pin.installPath}@${pin.version}`], bin, { GOBIN: bin }, `installing ${pin.executable}`);
    if (r.code !== 0) {
      throw new ToolError(`go install ${pin.installPath}@${pin.version} failed:\n${goComplaint(r)}`, {
        hint: "the Go module proxy (GOPROXY) must be reachable once; after that the plugin is cached in protogov's cache directory",
      });
    }
    mkdirSync(dirname(exe), { recursive: true });
    const partial = `${exe}.${process.pid}.partial`;
    copyFileSync(join(bin, pin.executable), partial);
    chmodSync(partial, 0o755);
    renameSync(partial, exe);
    return exe;
  } finally {
    removeTemp(bin);
  }
}

/**
 * A real npm registry for tests: verdaccio 5 on 127.0.0.1 (a free port),
 * storage in a temporary directory, no uplinks (nothing is proxied), and a
 * user created through the registry API to get a token.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface Registry {
  url: string;
  token: string;
  stop(): Promise<void>;
}

const NODE_MODULES = fileURLToPath(new URL("../../../node_modules/", import.meta.url));
const VERDACCIO_BIN = fileURLToPath(new URL("../../../node_modules/verdaccio/bin/verdaccio", import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startVerdaccio(): Promise<Registry> {
  const dir = mkdtempSync(join(tmpdir(), "protogov-verdaccio-"));
  const port = await freePort();
  const config = join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${join(dir, "storage")}`,
      "auth:",
      "  htpasswd:",
      `    file: ${join(dir, "htpasswd")}`,
      "    max_users: 100",
      "uplinks: {}",
      "packages:",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "    unpublish: $authenticated",
      "log: { type: stdout, format: pretty, level: error }",
      "",
    ].join("\n"),
  );
  const child: ChildProcess = spawn(process.execPath, [VERDACCIO_BIN, "--config", config, "--listen", `127.0.0.1:${port}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  const url = `http://127.0.0.1:${port}/`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null) throw new Error(`verdaccio exited: ${output}`);
      const up = await fetch(`${url}-/ping`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 200) throw new Error(`verdaccio did not start: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const token = await createUser(url, "publisher");
    return { url, token, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

async function createUser(url: string, name: string): Promise<string> {
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: "test-password-1", email: `${name}@example.invalid` }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || !body.token) throw new Error(`could not create a verdaccio user: ${response.status} ${JSON.stringify(body)}`);
  return body.token;
}

/**
 * Publishes packages installed in protogov's node_modules to the test
 * registry (a copy without publishConfig, scripts ignored), so a consumer can
 * install with --registry pointing at it alone: no uplink, no network.
 */
export async function seedFromNodeModules(registry: Registry, names: readonly string[]): Promise<void> {
  const { runNpm } = await import("../../core/features/publish/destinations/npm-cli.js");
  const { Secrets } = await import("../../core/features/publish/secrets.js");
  const secrets = new Secrets();
  secrets.add(registry.token);
  process.env["PROTOGOV_SEED_TOKEN"] = registry.token;
  for (const name of names) {
    const dir = mkdtempSync(join(tmpdir(), "protogov-seed-"));
    try {
      cpSync(join(NODE_MODULES, name), dir, { recursive: true, dereference: true });
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Record<string, unknown>;
      delete manifest["publishConfig"];
      writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
      const r = await runNpm(
        ["publish", dir, "--ignore-scripts", "--access", "public"],
        { url: registry.url, tokenEnv: "PROTOGOV_SEED_TOKEN" },
        secrets,
      );
      if (r.code !== 0) throw new Error(`seeding ${name} failed: ${r.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

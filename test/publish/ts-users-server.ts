/**
 * The acme.users.v1.UserService of proto-examples served by connect-node
 * (gRPC over HTTP/2 on 127.0.0.1) in the test process: GetUser raises the
 * generated TypeScript UserNotFoundError, so a client of a published package
 * in another language can catch it as its own typed error.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer as createHttp2Server, type ServerHttp2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { createFileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { ConnectRouter } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { UserNotFoundError } from "../golden/errors/proto-examples/acme/users/v1/errors_errors.js";
import { repoRoot } from "../support/paths.js";
import { EXAMPLES, tempDir } from "./api-project.js";

export interface TsServer {
  /** host:port */
  address: string;
  close(): Promise<void>;
}

export async function startTsUsersServer(): Promise<TsServer> {
  const out = join(tempDir("protogov-ts-server-"), "set.binpb");
  execFileSync("protoc", [`-I${EXAMPLES}`, `-I${join(repoRoot, "proto")}`, "--include_imports", `-o${out}`, "acme/users/v1/users.proto"]);
  const service = createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(out))).getService("acme.users.v1.UserService");
  assert.ok(service);
  const sessions = new Set<ServerHttp2Session>();
  const server = createHttp2Server(
    connectNodeAdapter({
      routes: (router: ConnectRouter) => {
        const impl = {
          getUser(req: { userId: string }) {
            throw new UserNotFoundError({ userId: req.userId });
          },
        };
        router.service(service, impl as unknown as Parameters<ConnectRouter["service"]>[1]);
      },
    }),
  );
  server.on("session", (s: ServerHttp2Session) => sessions.add(s));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      const closed = new Promise((resolve) => server.close(resolve));
      for (const s of sessions) s.destroy();
      await closed;
    },
  };
}

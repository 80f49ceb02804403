/**
 * `buf-plugin-protogov`: answers one pluginrpc call of buf (args select the
 * procedure, the request is on stdin, the response on stdout). buf starts the
 * plugin for every call, nine times per `buf lint`, so the descriptive calls
 * answer from the registry without loading the rule engine or the diff.
 */
import { encodeErrorResponse, encodeListCategories, encodeListRules, encodeSpec } from "../../engines/lint/buf-check-plugin/protocol.js";
import { pluginCategories, pluginRules } from "./catalog.js";

export type PluginCall = "protocol" | "spec" | "list-rules" | "list-categories" | "check";

/** The call named by buf's args (`--format binary` and the like are ignored), or undefined. */
export function callOf(args: readonly string[]): PluginCall | undefined {
  if (args.includes("--protocol")) return "protocol";
  if (args.includes("--spec")) return "spec";
  for (const a of args) if (a === "list-rules" || a === "list-categories" || a === "check") return a;
  return undefined;
}

export async function answer(call: PluginCall, stdin: () => Promise<Uint8Array>): Promise<Uint8Array | string> {
  switch (call) {
    case "protocol":
      return "1\n";
    case "spec":
      return encodeSpec();
    case "list-rules":
      return encodeListRules(pluginRules());
    case "list-categories":
      return encodeListCategories(pluginCategories());
    case "check": {
      const request = await stdin();
      try {
        const { check } = await import("./check.js");
        return check(request);
      } catch (e) {
        // buf prints the message of a pluginrpc error and fails the run: the user sees what is wrong.
        const hint = e instanceof Error && "hint" in e && typeof e.hint === "string" ? ` (${e.hint})` : "";
        return encodeErrorResponse(`${e instanceof Error ? e.message : String(e)}${hint}`);
      }
    }
  }
}

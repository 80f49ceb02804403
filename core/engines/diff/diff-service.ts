/**
 * A service present in both trees: its methods by name (a renamed method is a
 * removal plus an addition, as for gRPC paths), their request and response
 * types, streaming kind, comments and options (idempotency_level,
 * google.api.http...).
 */
import type { DescService } from "@bufbuild/protobuf";
import { diffPagination } from "./api-shape.js";
import { diffCommon, matchMembers } from "./common.js";
import type { DiffContext } from "./context.js";
import { addedLine, changedLine, removedLine, type Subject, subjects } from "./phrases.js";

const STREAMING: Record<string, string> = {
  unary: "unary",
  server_streaming: "server streaming",
  client_streaming: "client streaming",
  bidi_streaming: "bidirectional streaming",
};

export function diffService(ctx: DiffContext, subject: Subject, o: DescService, n: DescService): void {
  diffCommon(ctx, subject, o, n);
  const method = (name: string) => subjects.member("method", "method", subject, name);
  const methods = matchMembers(o.methods, n.methods);
  for (const [b, a] of methods.pairs) {
    const s = method(a.name);
    const change = (rule: Parameters<DiffContext["emit"]>[0], aspect: string, before: string, after: string) => {
      if (before === after) return;
      ctx.emit(rule, "changed", s, { aspect, before, after, message: changedLine(s, aspect, before, after), old: b, new: a });
    };
    change("METHOD_REQUEST_TYPE_CHANGED", "request type", b.input.typeName, a.input.typeName);
    change("METHOD_RESPONSE_TYPE_CHANGED", "response type", b.output.typeName, a.output.typeName);
    change("METHOD_STREAMING_CHANGED", "streaming kind", STREAMING[b.methodKind] ?? b.methodKind, STREAMING[a.methodKind] ?? a.methodKind);
    diffPagination(ctx, s, b, a);
    diffCommon(ctx, s, b, a);
  }
  for (const b of methods.removed) {
    const s = method(b.name);
    ctx.emit("METHOD_REMOVED", "removed", s, { message: removedLine(s), old: b, new: n });
  }
  for (const a of methods.added) {
    const s = method(a.name);
    ctx.emit("METHOD_ADDED", "added", s, { message: addedLine(s), new: a });
  }
}

/**
 * A real (in-memory) implementation of acme.users.v1.UserService, written the
 * way a service team would: it answers from its own state and fails with the
 * typed errors of the package's catalog. The scaffold tests run the generated
 * tests against it (impl_import=../../../scaffold/impl/{service_snake}.js).
 */
import { clone, create } from "@bufbuild/protobuf";
import { timestampNow } from "@bufbuild/protobuf/wkt";
import type { ServiceImpl } from "@connectrpc/connect";
import {
  AvatarTooLargeError,
  EmailAlreadyRegisteredError,
  UserNotFoundError,
} from "../../fixtures/scaffold/gen/acme/users/v1/errors_errors.js";
import { type User, UserSchema, type UserService, UserStatus } from "../../fixtures/scaffold/gen/acme/users/v1/users_pb.js";

const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

/** Users by id; the fixed "usr_ada" lets tests ask for an existing user. */
const users = new Map<string, User>([
  ["usr_ada", create(UserSchema, { id: "usr_ada", email: "ada@example.com", displayName: "Ada", status: UserStatus.ACTIVE })],
]);
let nextId = 1;

function find(userId: string): User {
  const user = users.get(userId);
  if (!user) throw new UserNotFoundError({ userId });
  return user;
}

export const userServiceImpl: ServiceImpl<typeof UserService> = {
  async getUser(request) {
    return { user: find(request.userId) };
  },
  async listUsers(request) {
    const all = [...users.values()].filter((u) => request.showDeleted || u.status !== UserStatus.DELETED);
    return { users: all, pageInfo: { totalSize: all.length } };
  },
  async createUser(request) {
    const email = request.user?.email ?? "";
    if (email !== "" && [...users.values()].some((u) => u.email === email)) throw new EmailAlreadyRegisteredError({ email });
    const user = request.user ? clone(UserSchema, request.user) : create(UserSchema);
    Object.assign(user, { id: `usr_${nextId++}`, status: UserStatus.PENDING_VERIFICATION, createTime: timestampNow() });
    users.set(user.id, user);
    return { user };
  },
  async updateUser(request) {
    const current = find(request.user?.id ?? "");
    const paths = request.updateMask?.paths ?? [];
    const next = create(UserSchema, { ...current, updateTime: timestampNow() });
    if (paths.includes("display_name")) next.displayName = request.user?.displayName ?? "";
    users.set(next.id, next);
    return { user: next };
  },
  async deleteUser(request) {
    const user = find(request.userId);
    users.set(user.id, { ...user, status: UserStatus.DELETED, deleteTime: timestampNow() });
    return { purgeTime: { seconds: BigInt(Math.floor(Date.now() / 1000) + 30 * 86400) } };
  },
  async uploadAvatar(requests) {
    let userId = "";
    let received = 0;
    for await (const message of requests) {
      if (message.payload.case === "metadata") userId = message.payload.value.userId;
      if (message.payload.case === "chunk") received += message.payload.value.length;
      if (received > MAX_AVATAR_BYTES) {
        throw new AvatarTooLargeError({ sizeBytes: String(received), maxBytes: String(MAX_AVATAR_BYTES) });
      }
    }
    const user = find(userId);
    user.avatarUri = `https://cdn.acme.example/avatars/${user.id}.png`;
    return { avatarUri: user.avatarUri, receivedBytes: BigInt(received) };
  },
};

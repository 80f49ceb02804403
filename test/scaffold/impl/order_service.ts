/**
 * A real (in-memory) implementation of acme.orders.v1.OrderService for the
 * scaffold tests: orders by id, a finite WatchOrders stream (the current
 * orders, then one heartbeat) and an OrderChat that relays each text message
 * back with a sequence number. Unknown orders fail with OrderNotFoundError.
 */
import { clone, create } from "@bufbuild/protobuf";
import { timestampNow } from "@bufbuild/protobuf/wkt";
import type { ServiceImpl } from "@connectrpc/connect";
import { InvalidStatusTransitionError, OrderNotFoundError } from "../../fixtures/scaffold/gen/acme/orders/v1/errors_errors.js";
import {
  type Order,
  OrderChatResponseSchema,
  OrderSchema,
  type OrderService,
  OrderStatus,
  WatchOrdersResponse_EventType,
} from "../../fixtures/scaffold/gen/acme/orders/v1/orders_pb.js";

const orders = new Map<string, Order>();
let nextId = 1;

function find(orderId: string): Order {
  const order = orders.get(orderId);
  if (!order) throw new OrderNotFoundError({ orderId });
  return order;
}

export const orderServiceImpl: ServiceImpl<typeof OrderService> = {
  async createOrder(request) {
    const id = `ord_${nextId++}`;
    const order = request.order ? clone(OrderSchema, request.order) : create(OrderSchema);
    Object.assign(order, { id, status: OrderStatus.PENDING_PAYMENT, createTime: timestampNow() });
    orders.set(id, order);
    return { order, reservationExpireTime: { seconds: BigInt(Math.floor(Date.now() / 1000) + 15 * 60) } };
  },
  async getOrder(request) {
    return { order: find(request.orderId) };
  },
  async listOrders(request) {
    const found = [...orders.values()].filter((o) => request.userId === "" || o.customer?.userId === request.userId);
    return { orders: found, pageInfo: { totalSize: found.length } };
  },
  async updateOrder(request) {
    const current = find(request.order?.id ?? "");
    const next = create(OrderSchema, { ...current, updateTime: timestampNow() });
    orders.set(next.id, next);
    return { order: next };
  },
  async cancelOrder(request) {
    const order = find(request.orderId);
    if (order.status === OrderStatus.SHIPPED || order.status === OrderStatus.DELIVERED) {
      throw new InvalidStatusTransitionError({
        orderId: order.id,
        currentStatus: OrderStatus[order.status],
        requestedStatus: OrderStatus[OrderStatus.CANCELLED],
      });
    }
    order.status = OrderStatus.CANCELLED;
    return { order, refundInitiated: false };
  },
  async *watchOrders(request) {
    for (const order of orders.values()) {
      if (request.userId !== "" && order.customer?.userId !== request.userId) continue;
      yield { eventType: WatchOrdersResponse_EventType.INITIAL, order, eventTime: timestampNow() };
    }
    yield { eventType: WatchOrdersResponse_EventType.HEARTBEAT, eventTime: timestampNow() };
  },
  async *orderChat(requests) {
    let sequence = BigInt(0);
    for await (const request of requests) {
      const action = request.action;
      if (action.case === "join") find(action.value.orderId);
      if (action.case === "text") {
        sequence += BigInt(1);
        yield create(OrderChatResponseSchema, {
          event: { case: "message", value: { sequence, text: action.value, sendTime: timestampNow() } },
        });
      }
      if (action.case === undefined) yield create(OrderChatResponseSchema, { event: { case: "typing", value: {} } });
    }
  },
};

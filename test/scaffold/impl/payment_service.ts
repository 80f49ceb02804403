/**
 * A real (in-memory) implementation of acme.payments.v1.PaymentService for
 * the scaffold tests. Payments by id; BatchCapturePayments reports each
 * capture's outcome in the summary (a failed capture is a result, not an RPC
 * error); ConnectTerminal answers a registration with a heartbeat and a
 * presented card with an authorization result. Unknown payments fail with
 * PaymentNotFoundError.
 */
import { create } from "@bufbuild/protobuf";
import { timestampNow } from "@bufbuild/protobuf/wkt";
import type { ServiceImpl } from "@connectrpc/connect";
import { PaymentNotFoundError } from "../../fixtures/scaffold/gen/acme/payments/v1/errors_errors.js";
import { PaymentsError } from "../../fixtures/scaffold/gen/acme/payments/v1/errors_pb.js";
import {
  type BatchCapturePaymentsResponse_Result,
  BatchCapturePaymentsResponse_ResultSchema,
  ConnectTerminalResponseSchema,
  type Payment,
  PaymentSchema,
  type PaymentService,
  PaymentStatus,
} from "../../fixtures/scaffold/gen/acme/payments/v1/payments_pb.js";

const payments = new Map<string, Payment>();
let nextId = 1;

function find(paymentId: string): Payment {
  const payment = payments.get(paymentId);
  if (!payment) throw new PaymentNotFoundError({ paymentId });
  return payment;
}

export const paymentServiceImpl: ServiceImpl<typeof PaymentService> = {
  async authorizePayment(request) {
    const payment = create(PaymentSchema, {
      id: `pay_${nextId++}`,
      order: { orderId: request.orderId },
      status: PaymentStatus.AUTHORIZED,
      metadata: request.metadata,
      createTime: timestampNow(),
    });
    if (request.paymentMethod) payment.paymentMethod = request.paymentMethod;
    payments.set(payment.id, payment);
    return { payment };
  },
  async getPayment(request) {
    return { payment: find(request.paymentId) };
  },
  async capturePayment(request) {
    const payment = find(request.paymentId);
    payment.status = PaymentStatus.CAPTURED;
    return { payment };
  },
  async batchCapturePayments(requests) {
    const results: BatchCapturePaymentsResponse_Result[] = [];
    for await (const request of requests) {
      const payment = payments.get(request.paymentId);
      const outcome = payment
        ? ({ case: "payment", value: { ...payment, status: PaymentStatus.CAPTURED } } as const)
        : ({
            case: "failure",
            value: { error: PaymentsError.PAYMENT_NOT_FOUND, message: `payment ${request.paymentId} not found` },
          } as const);
      results.push(
        create(BatchCapturePaymentsResponse_ResultSchema, { paymentId: request.paymentId, requestId: request.requestId, outcome }),
      );
    }
    const captured = results.filter((r) => r.outcome.case === "payment").length;
    return { results, capturedCount: captured, failedCount: results.length - captured };
  },
  async refundPayment(request) {
    const payment = find(request.paymentId);
    payment.status = PaymentStatus.REFUNDED;
    return { payment, refund: { refundId: `ref_${payment.id}`, reason: request.reason, createTime: timestampNow() } };
  },
  async *connectTerminal(requests) {
    for await (const request of requests) {
      const event = request.event;
      if (event.case === "cardPresented") {
        const approved = payments.has(event.value.paymentId);
        const declineError = approved ? PaymentsError.UNSPECIFIED : PaymentsError.PAYMENT_NOT_FOUND;
        yield create(ConnectTerminalResponseSchema, {
          event: { case: "result", value: { paymentId: event.value.paymentId, approved, declineError } },
        });
      } else {
        yield create(ConnectTerminalResponseSchema, { event: { case: "heartbeat", value: {} } });
      }
    }
  },
};

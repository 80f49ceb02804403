"""The Python side of the interop matrix (test/interop/interop.test.ts), on grpcio.

    python interop.py server        listens on 127.0.0.1, prints the port, raises the error each request names
    python interop.py client ADDR   reads requests (one per line) on stdin, calls ADDR, prints one JSON report per line

cases_gen.py (written by the test) raises each governed error through its generated class.
"""

from __future__ import annotations

import json
import sys
from concurrent import futures
from typing import Any

import grpc
from google.protobuf.any_pb2 import Any as AnyProto
from google.protobuf.empty_pb2 import Empty
from google.protobuf.wrappers_pb2 import StringValue
from google.rpc.error_details_pb2 import ErrorInfo
from google.rpc.status_pb2 import Status
from grpc_status import rpc_status

import cases_gen

METHOD = "/protogov.interop.v1.Interop/Raise"


def parse_request(text: str) -> tuple[str, dict[str, str]]:
    name, *fields = text.split("\t")
    params = {}
    for field in fields:
        key, _, value = field.partition("=")
        params[key] = value
    return name, params


def with_info(domain: str, reason: str) -> Status:
    detail = AnyProto()
    detail.Pack(ErrorInfo(domain=domain, reason=reason, metadata={"userId": "1"}))
    return Status(code=grpc.StatusCode.NOT_FOUND.value[0], message="not governed", details=[detail])


def handle_raise(request: StringValue, context: grpc.ServicerContext) -> Empty:
    name, params = parse_request(request.value)
    if name == "plain":
        context.abort(grpc.StatusCode.NOT_FOUND, "plain")
    if name == "wrong_domain":
        context.abort_with_status(rpc_status.to_status(with_info("users.other.example", "USER_NOT_FOUND")))
    if name == "unknown_reason":
        context.abort_with_status(rpc_status.to_status(with_info("users.acme.example", "USER_ARCHIVED")))
    make = cases_gen.RAISE.get(name)
    if make is None:
        context.abort(grpc.StatusCode.INVALID_ARGUMENT, f"unknown case {name}")
    error = make(params)
    error.raise_in(context)  # type: ignore[attr-defined]


def serve() -> None:
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4))
    handler = grpc.unary_unary_rpc_method_handler(
        handle_raise, request_deserializer=StringValue.FromString, response_serializer=Empty.SerializeToString
    )
    server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("protogov.interop.v1.Interop", {"Raise": handler}),))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    print(port, flush=True)
    server.wait_for_termination()


def report(name: str, err: grpc.RpcError) -> dict[str, Any]:
    matches = cases_gen.MATCHES.get(name)
    call: Any = err
    result: dict[str, Any] = {
        "case": name,
        "governed": False,
        "matches": bool(matches(err)) if matches else False,
        "code": call.code().value[0],
    }
    typed: Any = None
    for from_rpc_error in cases_gen.FROM_RPC_ERROR:
        typed = from_rpc_error(err)
        if typed is not None:
            break
    if typed is None:
        return result
    delay = typed.retry_delay_seconds
    result.update(
        governed=True,
        type=type(typed).__name__,
        code=typed.status_code.value[0],
        message=typed.message,
        params=dict(typed.params),
        retryDelayMs=round(delay * 1000) if delay is not None else 0,
    )
    # The raw check: grpc-status-details-bin decoded with googleapis' own google.rpc types.
    status = rpc_status.from_call(call)
    if status is not None:
        for detail in status.details:
            info = ErrorInfo()
            if detail.Unpack(info):
                result["raw"] = {"domain": info.domain, "reason": info.reason, "metadata": dict(info.metadata)}
    return result


def client(addr: str) -> None:
    with grpc.insecure_channel(addr) as channel:
        raise_ = channel.unary_unary(METHOD, request_serializer=StringValue.SerializeToString, response_deserializer=Empty.FromString)
        for line in sys.stdin:
            line = line.rstrip("\n")
            if not line:
                continue
            name, _ = parse_request(line)
            try:
                raise_(StringValue(value=line), timeout=10)
            except grpc.RpcError as err:
                print(json.dumps(report(name, err), ensure_ascii=False), flush=True)
                continue
            raise SystemExit(f"{name}: the call succeeded")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "server":
        serve()
    elif len(sys.argv) >= 3 and sys.argv[1] == "client":
        client(sys.argv[2])
    else:
        raise SystemExit("usage: interop.py server | interop.py client ADDR")

// The Java side of the interop matrix (test/interop/interop.test.ts), on grpc-java.
//
//   java Interop server        listens on 127.0.0.1, prints the port, raises the error each request names
//   java Interop client ADDR   reads requests (one per line) on stdin, calls ADDR, prints one JSON report per line
//
// Cases.java (written by the test) raises each governed error through its generated class.
import com.google.protobuf.Any;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import com.google.rpc.ErrorInfo;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.ServerCalls;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

public final class Interop {
  private Interop() {}

  static final MethodDescriptor<StringValue, Empty> RAISE = MethodDescriptor.<StringValue, Empty>newBuilder()
      .setType(MethodDescriptor.MethodType.UNARY)
      .setFullMethodName("protogov.interop.v1.Interop/Raise")
      .setRequestMarshaller(ProtoUtils.marshaller(StringValue.getDefaultInstance()))
      .setResponseMarshaller(ProtoUtils.marshaller(Empty.getDefaultInstance()))
      .build();

  public static void main(String[] args) throws Exception {
    if (args.length >= 1 && args[0].equals("server")) {
      serve();
    } else if (args.length >= 2 && args[0].equals("client")) {
      client(args[1]);
    } else {
      System.err.println("usage: Interop server | Interop client ADDR");
      System.exit(2);
    }
  }

  static String[] split(String text) {
    return text.split("\t", -1);
  }

  static Map<String, String> params(String[] fields) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 1; i < fields.length; i++) {
      int eq = fields[i].indexOf('=');
      if (eq > 0) {
        params.put(fields[i].substring(0, eq), fields[i].substring(eq + 1));
      }
    }
    return params;
  }

  static StatusRuntimeException withInfo(String domain, String reason) {
    com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
        .setCode(Status.Code.NOT_FOUND.value())
        .setMessage("not governed")
        .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(domain).setReason(reason).putMetadata("userId", "1").build()))
        .build();
    return StatusProto.toStatusRuntimeException(status);
  }

  static RuntimeException failure(String text) {
    String[] fields = split(text);
    switch (fields[0]) {
      case "plain":
        return Status.NOT_FOUND.withDescription("plain").asRuntimeException();
      case "wrong_domain":
        return withInfo("users.other.example", "USER_NOT_FOUND");
      case "unknown_reason":
        return withInfo("users.acme.example", "USER_ARCHIVED");
      default:
        RuntimeException raised = Cases.raise(fields[0], params(fields));
        return raised != null ? raised : Status.INVALID_ARGUMENT.withDescription("unknown case " + fields[0]).asRuntimeException();
    }
  }

  static void serve() throws Exception {
    ServerServiceDefinition service = ServerServiceDefinition.builder("protogov.interop.v1.Interop")
        .addMethod(RAISE, ServerCalls.asyncUnaryCall((request, observer) -> observer.onError(failure(request.getValue()))))
        .build();
    Server server = Grpc.newServerBuilderForPort(0, InsecureServerCredentials.create()).addService(service).build().start();
    System.out.println(server.getPort());
    System.out.flush();
    server.awaitTermination();
  }

  static void client(String addr) throws Exception {
    ManagedChannel channel = Grpc.newChannelBuilder(addr, InsecureChannelCredentials.create()).build();
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        String name = split(line)[0];
        try {
          ClientCalls.blockingUnaryCall(channel, RAISE, io.grpc.CallOptions.DEFAULT.withDeadlineAfter(10, TimeUnit.SECONDS), StringValue.of(line));
          throw new IllegalStateException(name + ": the call succeeded");
        } catch (StatusRuntimeException e) {
          out.println(json(report(name, e)));
        }
      }
    } finally {
      channel.shutdownNow();
    }
  }

  static Map<String, Object> typedReport(String type, int code, String message, Map<String, String> params, long retryDelayMs) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("governed", true);
    r.put("type", type);
    r.put("code", code);
    r.put("message", message);
    r.put("params", params);
    r.put("retryDelayMs", retryDelayMs);
    return r;
  }

  static Map<String, Object> report(String name, StatusRuntimeException e) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("case", name);
    r.put("governed", false);
    r.put("matches", Cases.matches(name, e));
    r.put("code", e.getStatus().getCode().value());
    Map<String, Object> typed = Cases.typed(e);
    if (typed == null) {
      return r;
    }
    r.putAll(typed);
    // The raw check: grpc-status-details-bin decoded with googleapis' own com.google.rpc types.
    com.google.rpc.Status status = StatusProto.fromThrowable(e);
    if (status != null) {
      for (Any detail : status.getDetailsList()) {
        if (detail.is(ErrorInfo.class)) {
          try {
            ErrorInfo info = detail.unpack(ErrorInfo.class);
            Map<String, Object> raw = new LinkedHashMap<>();
            raw.put("domain", info.getDomain());
            raw.put("reason", info.getReason());
            raw.put("metadata", info.getMetadataMap());
            r.put("raw", raw);
          } catch (InvalidProtocolBufferException ex) {
            r.put("raw", "undecodable");
          }
        }
      }
    }
    return r;
  }

  /** Just enough JSON for the report: maps, strings, numbers, booleans. */
  static String json(Object value) {
    if (value instanceof Map<?, ?>) {
      StringBuilder b = new StringBuilder("{");
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
        if (b.length() > 1) {
          b.append(',');
        }
        b.append(json(String.valueOf(entry.getKey()))).append(':').append(json(entry.getValue()));
      }
      return b.append('}').toString();
    }
    if (value instanceof String) {
      StringBuilder b = new StringBuilder("\"");
      for (char c : ((String) value).toCharArray()) {
        if (c == '"' || c == '\\') {
          b.append('\\').append(c);
        } else if (c < 0x20) {
          b.append(String.format("\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      return b.append('"').toString();
    }
    return String.valueOf(value);
  }
}

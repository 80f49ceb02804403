// The Go side of the interop matrix (test/interop/interop.test.ts), on grpc-go (connect-go: connect.go).
//
//	interop server          listens on 127.0.0.1, prints the port, raises the error each request names
//	interop client ADDR     reads requests (one per line) on stdin, calls ADDR, prints one JSON report per line
//
// cases_gen.go (written by the test) raises each governed error through its generated constructor.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"os"
	"strings"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

// governed is what every generated package's GovernedError offers.
type governed interface {
	error
	Domain() string
	Reason() string
	Code() codes.Code
	Params() map[string]string
	RetryDelay() time.Duration
}

func main() {
	if len(os.Args) < 2 || (os.Args[1] != "server" && len(os.Args) < 3) {
		fmt.Fprintln(os.Stderr, "usage: interop server | client ADDR | connect-server as-is|wrapped|explicit | connect-client URL [connect|grpc|grpc-web]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "server":
		err = serve()
	case "client":
		err = runClient(os.Args[2])
	case "connect-server":
		err = connectServe(os.Args[2])
	case "connect-client":
		protocol := "connect"
		if len(os.Args) > 3 {
			protocol = os.Args[3]
		}
		err = runConnectClient(os.Args[2], protocol)
	default:
		err = fmt.Errorf("unknown mode %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func serve() error {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	server := grpc.NewServer()
	server.RegisterService(&grpc.ServiceDesc{
		ServiceName: "protogov.interop.v1.Interop",
		HandlerType: (*any)(nil),
		Methods:     []grpc.MethodDesc{{MethodName: "Raise", Handler: handleRaise}},
		Metadata:    "protogov/interop/v1/interop.proto",
	}, struct{}{})
	fmt.Println(lis.Addr().(*net.TCPAddr).Port)
	return server.Serve(lis)
}

func handleRaise(_ any, _ context.Context, dec func(any) error, _ grpc.UnaryServerInterceptor) (any, error) {
	in := new(wrapperspb.StringValue)
	if err := dec(in); err != nil {
		return nil, err
	}
	name, params := parseRequest(in.GetValue())
	switch name {
	case "plain":
		return nil, status.Error(codes.NotFound, "plain")
	case "wrong_domain":
		return nil, withInfo("users.other.example", "USER_NOT_FOUND")
	case "unknown_reason":
		return nil, withInfo("users.acme.example", "USER_ARCHIVED")
	}
	if err := raise(name, params); err != nil {
		return nil, err
	}
	return nil, status.Errorf(codes.InvalidArgument, "unknown case %q", name)
}

func withInfo(domain, reason string) error {
	st, err := status.New(codes.NotFound, "not governed").WithDetails(&errdetails.ErrorInfo{Domain: domain, Reason: reason, Metadata: map[string]string{"userId": "1"}})
	if err != nil {
		return err
	}
	return st.Err()
}

func parseRequest(text string) (string, map[string]string) {
	fields := strings.Split(text, "\t")
	params := map[string]string{}
	for _, f := range fields[1:] {
		if k, v, ok := strings.Cut(f, "="); ok {
			params[k] = v
		}
	}
	return fields[0], params
}

func runClient(addr string) error {
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return err
	}
	defer conn.Close()
	scanner := bufio.NewScanner(os.Stdin)
	out := json.NewEncoder(os.Stdout)
	for scanner.Scan() {
		line := scanner.Text()
		if line == "" {
			continue
		}
		name, _ := parseRequest(line)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		callErr := conn.Invoke(ctx, procedure, &wrapperspb.StringValue{Value: line}, &emptypb.Empty{})
		cancel()
		if callErr == nil {
			return fmt.Errorf("%s: the call succeeded", name)
		}
		if err := out.Encode(report(name, callErr, int(status.Code(callErr)), grpcErrorInfo(callErr))); err != nil {
			return err
		}
	}
	return scanner.Err()
}

// report is what a client made of one call's error; info is the ErrorInfo decoded from the wire with
// googleapis' own errdetails (the raw check, independent of the generated code).
func report(name string, err error, code int, info *errdetails.ErrorInfo) map[string]any {
	r := map[string]any{"case": name, "governed": false, "matches": matches(name, err), "code": code}
	e := typed(err)
	if e == nil {
		return r
	}
	typeName := fmt.Sprintf("%T", e)
	r["governed"] = true
	r["type"] = typeName[strings.LastIndex(typeName, ".")+1:]
	r["code"] = int(e.Code())
	r["message"] = e.Error()
	r["params"] = e.Params()
	r["retryDelayMs"] = e.RetryDelay().Milliseconds()
	if info != nil {
		r["raw"] = map[string]any{"domain": info.GetDomain(), "reason": info.GetReason(), "metadata": info.GetMetadata()}
	}
	return r
}

// grpcErrorInfo decodes grpc-status-details-bin.
func grpcErrorInfo(err error) *errdetails.ErrorInfo {
	st, _ := status.FromError(err)
	var found *errdetails.ErrorInfo
	for _, d := range st.Proto().GetDetails() {
		info := &errdetails.ErrorInfo{}
		if d.MessageIs(info) && d.UnmarshalTo(info) == nil {
			found = info
		}
	}
	return found
}

// The connect-go side of the interop matrix: the same service over the Connect protocol (HTTP/1.1
// or h2c), raising through the generated protogov_errors_connect.go.
//
//	interop connect-server MODE   handlers return the typed error itself (as-is), wrapped by fmt.Errorf
//	                              (wrapped), or NewConnectError(err) with a LocalizedMessage added (explicit)
//	interop connect-client URL [PROTOCOL]   reads requests on stdin, calls URL over connect (default), grpc or
//	                                        grpc-web, prints one JSON report per line
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"connectrpc.com/connect"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/protobuf/types/known/emptypb"
	"google.golang.org/protobuf/types/known/wrapperspb"
)

const procedure = "/protogov.interop.v1.Interop/Raise"

func connectServe(mode string) error {
	if mode != "as-is" && mode != "wrapped" && mode != "explicit" {
		return fmt.Errorf("unknown connect-server mode %q", mode)
	}
	handler := func(_ context.Context, req *connect.Request[wrapperspb.StringValue]) (*connect.Response[emptypb.Empty], error) {
		name, params := parseRequest(req.Msg.GetValue())
		switch name {
		case "plain":
			return nil, connect.NewError(connect.CodeNotFound, errors.New("plain"))
		case "wrong_domain":
			return nil, connectWithInfo("users.other.example", "USER_NOT_FOUND")
		case "unknown_reason":
			return nil, connectWithInfo("users.acme.example", "USER_ARCHIVED")
		}
		err := raise(name, params)
		if err == nil {
			return nil, connect.NewError(connect.CodeInvalidArgument, fmt.Errorf("unknown case %q", name))
		}
		switch mode {
		case "explicit":
			return nil, withLocalizedMessage(newConnectError(err))
		case "wrapped":
			return nil, fmt.Errorf("raising %s: %w", name, err)
		}
		return nil, err
	}
	mux := http.NewServeMux()
	mux.Handle(procedure, connect.NewUnaryHandler(procedure, handler))
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	protocols := new(http.Protocols)
	protocols.SetHTTP1(true)
	protocols.SetUnencryptedHTTP2(true)
	server := &http.Server{Handler: mux, Protocols: protocols, ReadHeaderTimeout: 10 * time.Second}
	fmt.Println(lis.Addr().(*net.TCPAddr).Port)
	return server.Serve(lis)
}

// withLocalizedMessage adds what only a caller of NewConnectError can: a message for end users.
func withLocalizedMessage(connectErr *connect.Error) *connect.Error {
	detail, err := connect.NewErrorDetail(&errdetails.LocalizedMessage{Locale: "fr-FR", Message: "traduit : " + connectErr.Message()})
	if err == nil {
		connectErr.AddDetail(detail)
	}
	return connectErr
}

func connectWithInfo(domain, reason string) error {
	connectErr := connect.NewError(connect.CodeNotFound, errors.New("not governed"))
	detail, err := connect.NewErrorDetail(&errdetails.ErrorInfo{Domain: domain, Reason: reason, Metadata: map[string]string{"userId": "1"}})
	if err != nil {
		return err
	}
	connectErr.AddDetail(detail)
	return connectErr
}

// runConnectClient calls over h2c (the TypeScript server is HTTP/2 only; connect-go's servers take both).
func runConnectClient(baseURL, protocol string) error {
	var options []connect.ClientOption
	switch protocol {
	case "connect":
	case "grpc":
		options = append(options, connect.WithGRPC())
	case "grpc-web":
		options = append(options, connect.WithGRPCWeb())
	default:
		return fmt.Errorf("unknown protocol %q", protocol)
	}
	protocols := new(http.Protocols)
	protocols.SetUnencryptedHTTP2(true)
	httpClient := &http.Client{Transport: &http.Transport{Protocols: protocols}}
	client := connect.NewClient[wrapperspb.StringValue, emptypb.Empty](httpClient, baseURL+procedure, options...)
	scanner := bufio.NewScanner(os.Stdin)
	out := json.NewEncoder(os.Stdout)
	for scanner.Scan() {
		line := scanner.Text()
		if line == "" {
			continue
		}
		name, _ := parseRequest(line)
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		_, callErr := client.CallUnary(ctx, connect.NewRequest(&wrapperspb.StringValue{Value: line}))
		cancel()
		if callErr == nil {
			return fmt.Errorf("%s: the call succeeded", name)
		}
		if !connect.IsWireError(callErr) {
			return fmt.Errorf("%s: not an error the server sent: %w", name, callErr)
		}
		if err := out.Encode(report(name, callErr, int(connect.CodeOf(callErr)), connectErrorInfo(callErr))); err != nil {
			return err
		}
	}
	return scanner.Err()
}

// connectErrorInfo is the raw check: the ErrorInfo detail decoded by connect-go into googleapis' errdetails.
func connectErrorInfo(err error) *errdetails.ErrorInfo {
	var connectErr *connect.Error
	if !errors.As(err, &connectErr) {
		return nil
	}
	var found *errdetails.ErrorInfo
	for _, d := range connectErr.Details() {
		if value, err := d.Value(); err == nil {
			if info, ok := value.(*errdetails.ErrorInfo); ok {
				found = info
			}
		}
	}
	return found
}

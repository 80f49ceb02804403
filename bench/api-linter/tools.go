//go:build tools

// Package tools pins api-linter, the oracle the AIP rule pack is measured against (ACCURACY.md).
package tools

import _ "github.com/googleapis/api-linter/v2/cmd/api-linter"

// Command hcl-eval evaluates HCL expressions with HashiCorp's hcl/v2 and go-cty (Debian's
// packaged libraries), as Terraform would for expressions that refer to nothing but functions.
// Each line of standard input is one JSON string: an expression. Each line of output is one JSON
// object: {"type": <cty type JSON>, "value": <value>, "text": <number as Text('f',-1)>} or
// {"error": "..."}. The value has the shape of cty JSON, but every number is written with its exact
// decimal expansion (cty JSON writes the shortest text that identifies it, which depends on its
// precision) and infinities as the strings "+Inf" and "-Inf", which cty JSON cannot write. The
// engine's differential test compares Netform's answers with these.
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/ext/tryfunc"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// functions are the cty stdlib functions under the names Terraform gives them. Terraform has its own
// coalesce, length, lookup and to* functions; go-cty's stand in for them here, and the differential
// test lists where they differ (TerraformDifference).
var functions = map[string]function.Function{
	"abs":             stdlib.AbsoluteFunc,
	"can":             tryfunc.CanFunc,
	"ceil":            stdlib.CeilFunc,
	"chomp":           stdlib.ChompFunc,
	"chunklist":       stdlib.ChunklistFunc,
	"coalesce":        stdlib.CoalesceFunc,
	"coalescelist":    stdlib.CoalesceListFunc,
	"compact":         stdlib.CompactFunc,
	"concat":          stdlib.ConcatFunc,
	"contains":        stdlib.ContainsFunc,
	"csvdecode":       stdlib.CSVDecodeFunc,
	"distinct":        stdlib.DistinctFunc,
	"element":         stdlib.ElementFunc,
	"flatten":         stdlib.FlattenFunc,
	"floor":           stdlib.FloorFunc,
	"format":          stdlib.FormatFunc,
	"formatdate":      stdlib.FormatDateFunc,
	"formatlist":      stdlib.FormatListFunc,
	"indent":          stdlib.IndentFunc,
	"join":            stdlib.JoinFunc,
	"jsondecode":      stdlib.JSONDecodeFunc,
	"jsonencode":      stdlib.JSONEncodeFunc,
	"keys":            stdlib.KeysFunc,
	"length":          stdlib.LengthFunc,
	"log":             stdlib.LogFunc,
	"lookup":          stdlib.LookupFunc,
	"lower":           stdlib.LowerFunc,
	"max":             stdlib.MaxFunc,
	"merge":           stdlib.MergeFunc,
	"min":             stdlib.MinFunc,
	"parseint":        stdlib.ParseIntFunc,
	"pow":             stdlib.PowFunc,
	"range":           stdlib.RangeFunc,
	"regex":           stdlib.RegexFunc,
	"regexall":        stdlib.RegexAllFunc,
	"reverse":         stdlib.ReverseListFunc,
	"setintersection": stdlib.SetIntersectionFunc,
	"setproduct":      stdlib.SetProductFunc,
	"setsubtract":     stdlib.SetSubtractFunc,
	"setunion":        stdlib.SetUnionFunc,
	"signum":          stdlib.SignumFunc,
	"slice":           stdlib.SliceFunc,
	"sort":            stdlib.SortFunc,
	"split":           stdlib.SplitFunc,
	"strrev":          stdlib.ReverseFunc,
	"substr":          stdlib.SubstrFunc,
	"timeadd":         stdlib.TimeAddFunc,
	"title":           stdlib.TitleFunc,
	"tobool":          stdlib.MakeToFunc(cty.Bool),
	"tolist":          stdlib.MakeToFunc(cty.List(cty.DynamicPseudoType)),
	"tomap":           stdlib.MakeToFunc(cty.Map(cty.DynamicPseudoType)),
	"tonumber":        stdlib.MakeToFunc(cty.Number),
	"toset":           stdlib.MakeToFunc(cty.Set(cty.DynamicPseudoType)),
	"tostring":        stdlib.MakeToFunc(cty.String),
	"trim":            stdlib.TrimFunc,
	"trimprefix":      stdlib.TrimPrefixFunc,
	"trimspace":       stdlib.TrimSpaceFunc,
	"trimsuffix":      stdlib.TrimSuffixFunc,
	"try":             tryfunc.TryFunc,
	"upper":           stdlib.UpperFunc,
	"values":          stdlib.ValuesFunc,
	"zipmap":          stdlib.ZipmapFunc,
}

type answer struct {
	Type  json.RawMessage `json:"type,omitempty"`
	Value json.RawMessage `json:"value,omitempty"`
	Text  string          `json:"text,omitempty"`
	Error string          `json:"error,omitempty"`
}

func evaluate(source string) answer {
	expr, diags := hclsyntax.ParseExpression([]byte(source), "expr.hcl", hcl.InitialPos)
	if diags.HasErrors() {
		return answer{Error: "parse: " + diags.Error()}
	}
	ctx := &hcl.EvalContext{Functions: functions}
	val, diags := safeValue(expr, ctx)
	if diags.HasErrors() {
		return answer{Error: diags.Error()}
	}
	ty, err := ctyjson.MarshalType(val.Type())
	if err != nil {
		return answer{Error: "type: " + err.Error()}
	}
	result := answer{Type: ty}
	if val.Type() == cty.Number && val.IsKnown() && !val.IsNull() {
		result.Text = val.AsBigFloat().Text('f', -1)
	}
	var raw strings.Builder
	if err := writeExact(&raw, val); err != nil {
		return answer{Error: "value: " + err.Error()}
	}
	result.Value = json.RawMessage(raw.String())
	return result
}

// writeExact writes val as cty JSON would, except for numbers: their exact value, so that two
// numbers compare equal only when they are the same number, whatever precision each carries.
func writeExact(out *strings.Builder, val cty.Value) error {
	if !val.IsKnown() {
		return fmt.Errorf("the result is unknown")
	}
	if val.IsNull() {
		out.WriteString("null")
		return nil
	}
	ty := val.Type()
	switch {
	case ty == cty.Number:
		out.WriteString(exactDecimal(val.AsBigFloat()))
	case ty == cty.String || ty == cty.Bool:
		raw, err := ctyjson.Marshal(val, ty)
		if err != nil {
			return err
		}
		out.Write(raw)
	case ty.IsListType() || ty.IsSetType() || ty.IsTupleType():
		out.WriteByte('[')
		for it, i := val.ElementIterator(), 0; it.Next(); i++ {
			if i > 0 {
				out.WriteByte(',')
			}
			_, element := it.Element()
			if err := writeExact(out, element); err != nil {
				return err
			}
		}
		out.WriteByte(']')
	case ty.IsMapType() || ty.IsObjectType():
		out.WriteByte('{')
		for it, i := val.ElementIterator(), 0; it.Next(); i++ {
			if i > 0 {
				out.WriteByte(',')
			}
			key, element := it.Element()
			name, _ := json.Marshal(key.AsString())
			out.Write(name)
			out.WriteByte(':')
			if err := writeExact(out, element); err != nil {
				return err
			}
		}
		out.WriteByte('}')
	default:
		return fmt.Errorf("cannot write a value of type %s", ty.FriendlyName())
	}
	return nil
}

// exactDecimal is the exact decimal expansion of a binary float: a fraction with a denominator of
// 2^k has exactly k digits after the point. Infinities become the JSON strings "+Inf" and "-Inf".
func exactDecimal(f *big.Float) string {
	if f.IsInf() {
		return `"` + f.Text('f', -1) + `"`
	}
	if f.IsInt() {
		return f.Text('f', 0)
	}
	r, _ := f.Rat(nil)
	digits := r.Denom().BitLen() - 1
	return strings.TrimRight(r.FloatString(digits), "0")
}

// safeValue turns a panic inside the libraries (such as big.ErrNaN) into an error.
func safeValue(expr hcl.Expression, ctx *hcl.EvalContext) (val cty.Value, diags hcl.Diagnostics) {
	defer func() {
		if r := recover(); r != nil {
			if nan, ok := r.(big.ErrNaN); ok {
				diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: "panic: " + nan.Error()}}
				return
			}
			diags = hcl.Diagnostics{{Severity: hcl.DiagError, Summary: fmt.Sprintf("panic: %v", r)}}
		}
	}()
	return expr.Value(ctx)
}

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	for in.Scan() {
		var source string
		if err := json.Unmarshal(in.Bytes(), &source); err != nil {
			fmt.Fprintln(os.Stderr, "input line is not a JSON string:", err)
			os.Exit(2)
		}
		if err := encoder.Encode(evaluate(source)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}

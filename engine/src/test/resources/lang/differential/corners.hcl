# Hand-written corners for HclDifferentialTest, next to ExpressionGenerator's expressions.
# One expression a line; a multi-line one (a heredoc) between the lines <<< and >>>. A line
# "@NAME EXPRESSION" after an expression says Terraform departs from hcl/v2 2.14 and go-cty 1.12 here
# (TerraformDifference.NAME says why) and EXPRESSION is an equivalent whose answer is Terraform's;
# "@NAME error" says Terraform fails.

# Numbers: cty's are binary floating point with 512 bits of precision.
format("%.2f", 2.675)
tostring(1/3)
range(1, 0.4, -0.2)
length(range(0, 1, 0.1))
-7 % 3.14159
1/0 > 7
can(1/0)
try(1/0, 2)
5 % 0
-5 % 0
0 % 0
-0
tostring(-0)
"${-0}"
0 * -1
tostring(0 * -1)
tostring(1e400)
tonumber("1e400")
tonumber("Inf")
tonumber("-inf")
tonumber("NaN")
tonumber(" 1")
tonumber("1_000")
tonumber(".5")
tonumber("5.")
tonumber("+5")
tonumber("0x10")
tonumber("1e-400") == 0
tostring(12345678901234567890)
tostring(12345678901234567890 + 0.5)
tostring(0.1 + 0.2)
tostring(1 - 0.9)
tostring(100 / 3)
tostring(2 / 3 * 3)
tostring(1e21)
tostring(1e-21)
tostring(123456789.123456789)
0.1 + 0.2 == 0.3
1 / 3 == 0.333333333333333333333333333333
log(0, 10)
log(-1, 10)
log(8, 2)
log(100, 10)
log(1e300, 10)
tostring(log(10, 3))
pow(0, -1)
pow(-8, 1/3)
pow(2, 0.5)
tostring(pow(2, 0.5))
pow(10, 20)
pow(2, 64)
pow(2, 1000)
pow(1.1, 2)
signum(3.5)
signum(-0)
signum(-2)
abs(-0)
ceil(-0.5)
floor(-0.5)
ceil(1e30 + 0.5)
floor(1/3)
tostring(ceil(-0.5))
max()
max(1, "2")
max([1, 5, 3]...)
min(-0, 0)
max(1/0, 1)
min(-1/0, 1)
1/0 - 1/0
1/0 * 0
-1/0 < 1/0
parseint("-0", 10)
parseint("1010", 2)
parseint("Zz", 36)
parseint("+5", 10)
parseint("9223372036854775808", 10)
range(0)
range(3, 0)
range(-1)
range(1, 2, 0)
range(0.5)
range(0, -3)
range(10, 0, -3)

# Short-circuit of && and || (Terraform 1.12).
false && tobool("x")
@SHORT_CIRCUIT false
true || tobool("x")
@SHORT_CIRCUIT true
true && tobool("x")
false || tobool("x")
false && null.enabled
@SHORT_CIRCUIT false
false && "x"
false && 1
true || [true]
false && "false"
@SHORT_CIRCUIT false
null && true
@SHORT_CIRCUIT false
true && null
@SHORT_CIRCUIT false
null && null
@SHORT_CIRCUIT false
false && null
@SHORT_CIRCUIT false
true || null
@SHORT_CIRCUIT true
null || true
@SHORT_CIRCUIT true
null || false
tobool("x") && false
@SHORT_CIRCUIT false
tobool("x") || true
@SHORT_CIRCUIT true
tobool("x") && true
tobool("x") || tobool("y")

# Conditionals: only the chosen arm's errors; HCL's type unification.
true ? tolist(["a"]) : toset(["b"])
false ? tolist(["a"]) : toset(["b"])
false ? [1] : null
true ? [1] : null
false ? true : (false ? [1] : null)
null != null ? upper(null) : "default"
true ? 1 : tobool("x")
false ? tobool("x") : 1
true ? 1 : "a"
false ? 1 : "a"
true ? [1] : ["a"]
true ? {a = 1} : {b = 2}
true ? {a = 1} : {a = "x"}
true ? null : 1
null ? 1 : 2
"true" ? 1 : 2
"yes" ? 1 : 2
true ? tolist([]) : [1]
true ? tomap({}) : {a = 1}
true ? [] : {}
true ? toset([1]) : toset(["a"])
true ? 1 : [1]

# for expressions.
[for x in [] : x if tobool("yes")]
[for x in [1] : x if tobool("yes")]
[for x in [] : x if null]
[for k, v in {b = 1, a = 2} : k]
{for x in ["b", "a"] : x => x}
[for x in toset(["b", "a"]) : x]
{for k, v in {a = 1, b = 1} : v => k...}
{for k, v in {a = 1, b = 1} : v => k}
[for i, x in ["a", "b"] : i]
[for i, x in toset(["a", "b"]) : i]
{for i, x in ["a", "b"] : x => i}
[for x in tomap({a = [1], b = []}) : length(x)]
{for x in [1, 2] : x => x * 2 if x > 1}
[for x in "abc" : x]
[for x in null : x]
[for x in [[1, 2], [3]] : x[0]]
[for x in [1, "a", true] : x]
{for x in [1, 2] : x => x}

# Splats and indexes.
null[*]
"s"[*]
[null][*]
[null][*].a
tolist(null)[*]
@CONVERSION_OF_UNTYPED_NULL (true ? null : tolist([]))[*]
compact([])[*].a
["a"][*].length
<<<
<<-EOT
  a
${"b"}
  EOT
>>>
<<<
<<-EOT
    a
      
      b
    EOT
>>>
<<<
<<-EOT
    a
    %{~ if true ~}
    b
    %{~ endif ~}
    EOT
>>>
toset([{a = 1}, {a = 2}])[*].a
{a = 1}[*].a
[1, 2, 3][1.0]
[1][1.5]
{a = 1}["a"]
tomap({a = 1})["b"]
["a"]["0"]
toset([1])[0]
[1, 2][-1]
"abc"[0]
{a = {b = [1, 2]}}.a.b[1]
[[1, 2], [3]][1][0]
[{a = 1}, {a = 2}][*].a[1]

# Strings: cty normalizes to NFC; characters are grapheme clusters.
"\u00e9" == "e\u0301"
"e\u0301"
length("e\u0301")
@LENGTH_OF_STRING_OR_OBJECT 1
length("")
@LENGTH_OF_STRING_OR_OBJECT 0
length({})
@LENGTH_OF_STRING_OR_OBJECT 0
length(null)
length(1)
upper("ß")
lower("ΣΑΣ")
title("hello wORLD-foo bar_baz")
strrev("e\u0301x")
strrev("👍🏽x")
substr("héllo", 1, 3)
substr("abc", -1, 1)
substr("abc", 1, -1)
substr("abc", 5, 1)
substr("abc", 0, 0)
substr("e\u0301abc", 0, 1)
split("", "abc")
split(",", "")
split(",", "a,")
join(", ", [])
join(",", [1, true])
join(",", [null])
indent(2, "a\nb\n")
indent(2, "")
chomp("a\r\n")
chomp("a\n\n")
chomp("a\r")
trimspace("\u00a0 a \t")
trim("?!hello?!", "!?")
trimprefix("aab", "a")
trimsuffix("abb", "b")
"a" < "b"
"a" + "b"
"${"a"}${1/3}"
"${0.1 + 0.2}"
"${true ? "a" : 1}"
"${null}"
"x${null}y"
"%{if null}a%{endif}"
"%{for x in null}a%{endfor}"
"%{for x in {b = 1, a = 2}}${x}%{endfor}"
"%{for k, v in ["x", "y"]}${k}${v}%{endfor}"
"${[for x in [1] : x]}"
"\\"
"a\"b"
"\u0041\u00DF"

# Heredocs.
<<<
<<EOT
plain
  kept ${"indent"}
EOT
>>>
<<<
<<-EOT
    stripped
      two more
    %{~ for x in [1, 2] ~}
    ${x}
    %{~ endfor ~}
    EOT
>>>
<<<
<<-EOT
  a
 b
EOT
>>>
<<<
<<EOT
%{ if true ~}
yes
%{~ endif }
EOT
>>>
<<<
<<-EOT
	tab
	  tab and spaces
	EOT
>>>

# format and formatlist.
format("%d", 1.5)
format("%d", 1e30)
format("%d", -0)
format("%.3f", 1/3)
format("%s", [1])
format("%v", [1, "a"])
format("%#v", {a = 1})
format("%#v", "x")
format("%v", null)
format("%s", null)
format("%d", null)
format("%q", "a\"b")
format("%5t", true)
format("%-8q|", "x")
format("%x", "hi")
format("%X", 255.5)
format("%e", 123456)
format("%g", 0.000001234)
format("%g", 1e21)
format("%.0f", 0.5)
format("%.0f", 1.5)
format("%.0f", 2.5)
format("%.1f", 0.05)
format("%.20f", 0.1)
format("%.3e", 2/3)
format("%b", 5)
format("%o", 8)
format("%s")
format("%s", "a", "b")
format("%[3]s", "a", "b")
format("%[1]s %[1]s", "a")
format("%*d", 3, 1)
format("%-05d|", 3)
format("%+.1e", 12345)
format("%10.3s|", "abcdef")
format("%c", 65)
format("%U", 65)
format("%5%")
format("%", 1)
format("%!", 1)
format("%s %d %t", "a", 2, true)
format("%d", "12")
format("%s", 1/3)
format("%v", 1/3)
format("%f", 1e400)
formatlist("%s-%s", ["a", "b"], "x")
formatlist("%s", [])
formatlist("%s-%s", ["a"], ["b", "c"])
formatlist("%s", "x")
formatlist("%s=%d", toset(["a"]), [1])

# regex, csvdecode, jsondecode, jsonencode.
regex("(\\d+)-(\\d+)", "10-20")
regex("(?P<a>x)(?P<b>y)?", "x")
regex("(x)(y)?", "x")
regexall("a", "banana")
regexall("(a)(n)?", "banana")
regex("x", "y")
regex("[a-", "a")
regex("(?i)É", "é")
regex("\\bfoo\\b", "a foo b")
regex("^(?:a|b)+$", "abab")
regexall("(?P<n>\\d)", "a1b2")
csvdecode("a,b\n\"x\"\"y\",z\n")
csvdecode("a,b\r\n1,2\r\n")
csvdecode("a\n1,2\n")
jsondecode("1e400")
jsondecode("{\"a\": 1.5, \"b\": [true, null]}")
jsondecode("\"\\u00e9\"")
jsondecode("[]")
jsondecode("{\"a\": {}}")
jsondecode("0.1")
jsondecode("1 2")
jsondecode("")
jsondecode("{\"a\":1,\"a\":2}")
@JSON_DUPLICATE_KEYS error
jsondecode("{\"a\":{\"b\":1,\"b\":1}}")
@JSON_DUPLICATE_KEYS error
jsonencode({a = 1/3})
jsonencode(0.1)
jsonencode("<&>")
jsonencode(1e21)
jsonencode(12345678901234567890)
jsonencode(tolist([]))
jsonencode(null)
jsonencode({b = 1, a = 2})
jsonencode(toset(["b", "a"]))
jsonencode(-0)
jsonencode("\u2028")
jsonencode(tomap({a = null}))
jsonencode([1/0])

# Dates and times.
timeadd("2024-02-29T00:00:00Z", "8760h")
timeadd("2024-02-29T00:00:00Z", "-1h30m")
timeadd("2024-02-29T00:00:00.5Z", "0.25s")
timeadd("2024-02-29T00:00:00Z", "1h1h")
formatdate("DD MMM YYYY", "2024-02-29T00:00:00+14:00")
formatdate("h:mm aa", "2024-01-01T00:30:00Z")
formatdate("hh", "2024-01-01T12:00:00Z")
formatdate("H", "2024-01-01T09:00:00Z")
formatdate("YYYYY", "2024-01-01T00:00:00Z")
formatdate("EEE", "2024-01-01T00:00:00Z")
formatdate("'o''clock'", "2024-01-01T00:00:00Z")
formatdate("ss.SSS", "2024-01-01T00:00:00Z")
formatdate("YYYY", "2024-13-01T00:00:00Z")
formatdate("YYYY", "2024-02-30T00:00:00Z")
formatdate("YYYY", "2023-12-31T23:59:60Z")

# Collections.
sort(["b", "A", "a", "10", "9"])
sort([3, 1])
sort([])
sort([null])
sort(["b", 1, true])
distinct([1, "1"])
distinct([[1], [1], [2]])
flatten([[1, [2, [3]]], []])
flatten([toset([1])])
flatten([{a = 1}])
flatten([null, [null]])
flatten("a")
chunklist([1, 2, 3], 0)
chunklist([], 2)
chunklist([1, 2, 3], -1)
slice([1, 2, 3], 1, 1)
slice([1, 2, 3], 2, 1)
slice(tolist(["a"]), 0, 1)
slice([1, 2, 3], 0, 4)
zipmap(["a", "a"], [1, 2])
zipmap(["a"], [1, 2])
zipmap([], [])
zipmap(["a", "b"], [1, "x"])
zipmap(tolist(["a", "b"]), tolist([1, 2]))
zipmap([null], [1])
keys({b = 1, a = 2})
values({b = 1, a = "x"})
keys(tomap({}))
values({})
values(tomap({b = 1, a = 2}))
merge({a = 1}, {a = "x"})
merge(tomap({a = 1}), {b = "x"})
merge()
merge(null, {a = 1})
merge(tomap({a = 1}), tomap({b = 2}))
merge(tomap({a = 1}), tomap({b = "x"}))
merge([{a = 1}, {b = 2}]...)
merge({a = 1}, [])
contains([1, 2], "1")
contains([], 1)
contains(toset(["a"]), "a")
contains([[1]], [1])
contains([null], null)
coalescelist([], [1])
coalescelist([], [])
coalescelist(null, [1])
coalesce(null, "", "b")
@COALESCE_SKIPS_EMPTY_STRINGS coalesce(null, (true ? null : ""), "b")
coalesce("", "")
@COALESCE_SKIPS_EMPTY_STRINGS coalesce((true ? null : ""), (true ? null : ""))
coalesce(1, "a")
coalesce("", 3)
@COALESCE_SKIPS_EMPTY_STRINGS coalesce((true ? null : ""), 3)
coalesce(null, null)
coalesce([], [1])
compact(["a", "", null, "b"])
compact([])
reverse(["a", 1])
reverse(toset([1, 2]))
reverse([])
concat()
concat([1], tolist(["a"]))
concat([[1]]...)
concat(toset([1]), [2])
element(tolist(["a", "b", "c"]), -1)
@ELEMENT_NEGATIVE_INDEX element(tolist(["a", "b", "c"]), 2)
element(tolist(["a", "b", "c"]), -4)
@ELEMENT_NEGATIVE_INDEX element(tolist(["a", "b", "c"]), 2)
element(["a", "b", "c"], 3)
element([], 0)
element(tolist([]), 0)
element(["a", "b", "c"], -1)
@ELEMENT_NEGATIVE_INDEX element(["a", "b", "c"], 2)
element(toset(["a"]), 0)
lookup({a = "x"}, "b", null)
@LOOKUP_NULL_DEFAULT null
lookup({a = "x"}, "a", null)
@LOOKUP_NULL_DEFAULT "x"
lookup(tomap({a = "x"}), "b", null)
@LOOKUP_NULL_DEFAULT true ? null : ""
lookup(tomap({a = "x"}), "a", null)
@LOOKUP_NULL_DEFAULT "x"
lookup({a = 1}, "a")
@LOOKUP_WITHOUT_DEFAULT 1
lookup({a = 1}, "b")
@LOOKUP_WITHOUT_DEFAULT {a = 1}["b"]
lookup(tomap({a = 1}), "b", "x")
lookup({a = 1}, "b", "x")
lookup([1], "0", 1)

# Sets.
setunion([], [])
setunion(toset([]), toset(["a"]))
setunion(["a"], [1, 2])
setintersection(["a"], [1])
setintersection(toset([1, 2]), [2, 3])
setproduct([], [])
setproduct(["a"], [1])
setproduct(["a", "b"], ["c", "d"])
setproduct(toset(["a"]), [[1]])
setproduct(["a"])
setproduct()
setsubtract(toset([1]), toset(["1"]))
setsubtract(["a", "b"], [])
setunion(["a"], [[1]])
tolist(toset([10, 9, 1e1]))
tolist(toset(["10", "9", "a", "B"]))
tolist(toset([true, false]))
tolist(toset([{a = 2}, {a = 1}]))
tolist(toset([[2], [1]]))
tolist(toset([1, 1/3, -1/0, 1/0]))
tolist(toset([[10], [9], [1e21], [0.5], [-1], [1/3]]))
tolist(toset([{a = 2}, {a = 1}, {a = 10}]))
tolist(toset([{b = "x", a = true}, {b = "\n", a = false}, {b = "é", a = true}]))
tolist(toset(["\uFFFD", "😀", "z"]))
tolist(toset([tomap({b = 1}), tomap({a = 2}), tomap({})]))
tolist(toset([["a", null], ["a"], [null]]))
tolist(toset([[["b"]], [["a", "c"]]]))
tolist(toset([["\u00a0"], ["\t"], [" "], ["~"]]))
[for x in toset([{n = "b"}, {n = "a"}, {n = "ab"}]) : x.n]

# Type conversions.
tobool("True")
tobool(null)
@CONVERSION_OF_UNTYPED_NULL true ? null : false
tobool("1")
tostring(true)
tostring([])
tostring(null)
@CONVERSION_OF_UNTYPED_NULL true ? null : ""
tolist({a = 1})
tomap([])
toset([1, "a"])
tolist([1, "a", true])
toset([[1], ["a"]])
tomap({a = 1, b = "x"})
tomap({a = [1], b = ["x"]})
tomap({a = [1], b = "x"})
tolist([null])
tolist([null, 1])
tolist([{a = 1}, {b = 2}])
tolist([{a = 1}, {a = "x"}])
tolist([[], [1]])
tolist([{}, {a = 1}])
toset(["b", "a", "b"])
tolist(tolist([1]))
tomap(tomap({a = 1}))
tonumber(true)
tonumber(null)
@CONVERSION_OF_UNTYPED_NULL true ? null : 0
tostring(1.50)
tolist(null)
@CONVERSION_OF_UNTYPED_NULL true ? null : tolist([])
toset(null)
@CONVERSION_OF_UNTYPED_NULL true ? null : toset([])
tomap(null)
@CONVERSION_OF_UNTYPED_NULL true ? null : tomap({})

# try and can.
try(tobool("x"), "fallback")
try()
can(null)
can(tobool("x"))
try(null, 1)
try([1][3], [][0], "third")

# Object keys, traversals of results, nested for.
{(1) = "a"}
{"${"k"}" = 1}
{(null) = 1}
{([]) = 1}
{a = 1, "a" = 2}
{true = 1}
{null = 1}
{for k, v in {a = 1} : upper(k) => v}["A"]
[for x in [[1, 2], [3]] : [for y in x : y * 10]]
[for x in [1, 2] : x][1]
{for x in ["a"] : x => x}.a
[for i, x in "ab" : i]
tolist(["a", "b"])[1]
keys({b = 1})[0]
split(",", "a,b")[1]
[{a = [1, 2]}][0].a[1]
{a = {b = {c = "deep"}}}.a.b.c
[1, 2, 3][*]
{a = 1}.a.b
"abc".x
1.x
[1][0][0]
upper(1)
join(",", [1, true])
substr(123, 0, 1)
abs("-1")
range("3")
tobool(1)
tonumber([])
concat(["a"], "b")
merge({a = 1}, 1)
keys([])
values("a")
sort(["b", ["a"]])
contains("abc", "a")
length(tolist(toset(["a", "a", "b"])))
formatlist("%s", toset(["b", "a"]))
jsonencode(toset([{a = 2}, {a = 1}]))
jsonencode({for k in ["b", "a"] : k => k})
csvdecode("x,y\n\"1\",2\n")[0].y

# Elements that unify only to types with dynamic parts.
toset([[null], true])
tolist([[null], true])
toset([tolist([]), tolist(["a"]), tolist([["b"]])])
setunion([toset([[null], true])], [{k0 = "1"}], [toset([])])
setunion([[null]], [{k0 = "1"}])

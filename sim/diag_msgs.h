/* diag_msgs: every diagnostic text goro-viz prints about user source, worded
 * as Debian's Go 1.19 (`go build`) words it. X-macro: DIAG_X(NAME, format).
 * Included by diag.h with DIAG_X defined; do not include elsewhere. */

/* ---- file and subset (goro-viz's own words) ---- */
DIAG_X(UNSUPPORTED, "goro-viz: %s are not supported")
DIAG_X(UNSUPPORTED_ONE, "goro-viz: %s is not supported")

/* ---- syntax errors (the parser's section) ----
 * Texts from Go 1.19's cmd/compile/internal/syntax (scanner.go, parser.go).
 * Messages starting "syntax error" are kept one per line (as gc does); the
 * scanner's own messages are not. */
DIAG_X(SYNTAX, "syntax error: %s")
DIAG_X(PARSE, "%s") /* parser errors without the "syntax error: " prefix */
DIAG_X(SYNTAX_UNEXPECTED, "syntax error: unexpected %s, expecting %s")
DIAG_X(SYNTAX_UNEXPECTED_AFTER, "syntax error: unexpected %s %s")
DIAG_X(NEWLINE_IN_STRING, "newline in string")
DIAG_X(STRING_NOT_TERMINATED, "string not terminated")
DIAG_X(RAW_STRING_NOT_TERMINATED, "string not terminated")
DIAG_X(COMMENT_NOT_TERMINATED, "comment not terminated")
DIAG_X(RUNE_EMPTY, "empty rune literal or unescaped '")
DIAG_X(RUNE_MORE, "more than one character in rune literal")
DIAG_X(RUNE_NOT_TERMINATED, "rune literal not terminated")
DIAG_X(NEWLINE_IN_RUNE, "newline in rune literal")
DIAG_X(INVALID_CHAR, "invalid character %s in %s")
DIAG_X(UNKNOWN_ESCAPE, "unknown escape")
DIAG_X(INVALID_DIGIT, "invalid digit %s in %s literal")
DIAG_X(LITERAL_NO_DIGITS, "%s literal has no digits")
DIAG_X(UNDERSCORE_SEP, "'_' must separate successive digits")
DIAG_X(EXPONENT_NO_DIGITS, "exponent has no digits")
DIAG_X(INVALID_CHARACTER, "invalid character %s")
DIAG_X(IDENT_DIGIT, "identifier cannot begin with digit %s")
DIAG_X(RADIX_POINT, "invalid radix point in %s literal")
DIAG_X(EXPONENT_MANTISSA, "%s exponent requires %s mantissa")
DIAG_X(HEX_MANTISSA, "hexadecimal mantissa requires a 'p' exponent")
DIAG_X(OCTAL_ESCAPE, "octal escape value %d > 255")
DIAG_X(ESCAPE_CODEPOINT, "escape is invalid Unicode code point %s")
DIAG_X(INVALID_NUL, "invalid NUL character")
DIAG_X(INVALID_UTF8, "invalid UTF-8 encoding")
DIAG_X(INVALID_BOM, "invalid BOM in the middle of the file")

/* ---- type-checking errors (the checker's section) ---- */
DIAG_X(UNDEFINED, "undefined: %s")
DIAG_X(DECLARED_NOT_USED, "%s declared but not used")
DIAG_X(IMPORTED_NOT_USED, "imported and not used: %s")

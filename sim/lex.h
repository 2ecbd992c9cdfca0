/* lex: Go's lexical grammar (the Go spec, "Lexical elements"), one token at a
 * time, with automatic semicolon insertion.
 *
 * Invariants: positions are 1-based line and byte column; an inserted
 * semicolon has text "newline" (or "EOF") and the position of the newline,
 * as go/scanner reports it; lexical errors go to the DiagList and lexing goes
 * on, so the parser can report more.
 */
#ifndef GORO_LEX_H
#define GORO_LEX_H

#include <stdint.h>

#include "diag.h"
#include "src.h"

/* Tokens, defined once: X(NAME, spelling). Spelling is what Go's parser
 * prints for the token in "unexpected X" (keywords and operators). */
#define LEX_TOKENS(X)                                                                   \
    X(ILLEGAL, "ILLEGAL")                                                               \
    X(EOF, "EOF")                                                                       \
    X(IDENT, "name")                                                                    \
    X(INT, "literal")                                                                   \
    X(FLOAT, "literal")                                                                 \
    X(IMAG, "literal")                                                                  \
    X(CHAR, "literal")                                                                  \
    X(STRING, "literal")                                                                \
    X(ADD, "+") X(SUB, "-") X(MUL, "*") X(QUO, "/") X(REM, "%")                         \
    X(AND, "&") X(OR, "|") X(XOR, "^") X(SHL, "<<") X(SHR, ">>") X(AND_NOT, "&^")       \
    X(ADD_ASSIGN, "+=") X(SUB_ASSIGN, "-=") X(MUL_ASSIGN, "*=") X(QUO_ASSIGN, "/=")     \
    X(REM_ASSIGN, "%=") X(AND_ASSIGN, "&=") X(OR_ASSIGN, "|=") X(XOR_ASSIGN, "^=")      \
    X(SHL_ASSIGN, "<<=") X(SHR_ASSIGN, ">>=") X(AND_NOT_ASSIGN, "&^=")                  \
    X(LAND, "&&") X(LOR, "||") X(ARROW, "<-") X(INC, "++") X(DEC, "--")                 \
    X(EQL, "==") X(LSS, "<") X(GTR, ">") X(ASSIGN, "=") X(NOT, "!") X(TILDE, "~")       \
    X(NEQ, "!=") X(LEQ, "<=") X(GEQ, ">=") X(DEFINE, ":=") X(ELLIPSIS, "...")           \
    X(LPAREN, "(") X(LBRACK, "[") X(LBRACE, "{") X(COMMA, ",") X(PERIOD, ".")           \
    X(RPAREN, ")") X(RBRACK, "]") X(RBRACE, "}") X(SEMICOLON, ";") X(COLON, ":")        \
    X(BREAK, "break") X(CASE, "case") X(CHAN, "chan") X(CONST, "const")                 \
    X(CONTINUE, "continue") X(DEFAULT, "default") X(DEFER, "defer") X(ELSE, "else")     \
    X(FALLTHROUGH, "fallthrough") X(FOR, "for") X(FUNC, "func") X(GO, "go")             \
    X(GOTO, "goto") X(IF, "if") X(IMPORT, "import") X(INTERFACE, "interface")           \
    X(MAP, "map") X(PACKAGE, "package") X(RANGE, "range") X(RETURN, "return")           \
    X(SELECT, "select") X(STRUCT, "struct") X(SWITCH, "switch") X(TYPE, "type")         \
    X(VAR, "var")

typedef enum TokKind {
#define LEX_ENUM(name, text) TK_##name,
    LEX_TOKENS(LEX_ENUM)
#undef LEX_ENUM
        TK__COUNT
} TokKind;

/* Token: one token. [text]/[len] point into the source (for an inserted
 * semicolon: len 0). For STRING/CHAR the raw literal, quotes included. */
typedef struct Token {
    TokKind kind;
    Pos pos;
    const char *text;
    int len;
    int inserted; /* 1 for a semicolon inserted at a newline or EOF */
    int bad;      /* literal: a lexical error was reported inside it */
} Token;

/* Lexer: scanning state over one SrcFile (borrowed). */
typedef struct Lexer {
    const SrcFile *src;
    DiagList *diags;
    size_t off;      /* next byte */
    int line, col;   /* of the next byte */
    int insert_semi; /* the previous token allows an automatic semicolon */
    size_t line_start; /* byte offset where line [line] starts */
    int nerr;          /* lexical errors reported so far */
    int last_line;     /* line and text of the last error reported */
    char last_msg[96];
} Lexer;

/* lex_init: start scanning [src], reporting errors to [diags]. A leading
 * UTF-8 BOM is skipped. */
void lex_init(Lexer *lx, const SrcFile *src, DiagList *diags);

/* lex_next: the next token, skipping comments (a comment containing a newline
 * counts as a newline for semicolon insertion). Returns TK_EOF forever at end. */
Token lex_next(Lexer *lx);

/* lex_precedence: the binary-operator precedence of [k] (5 for * / % << >>
 * & &^, 4 for + - | ^, 3 for comparisons, 2 for &&, 1 for ||), 0 if [k] is
 * not a binary operator. */
int lex_precedence(TokKind k);

/* lex_token_text: the spelling of [k] from LEX_TOKENS. */
const char *lex_token_text(TokKind k);

/* lex_is_keyword: whether [k] is a keyword token. */
int lex_is_keyword(TokKind k);

/* lex_unquote: decode the STRING or CHAR literal [raw] of [len] bytes (quotes
 * included) into a newly mem_alloc'd NUL-terminated buffer of *[out_len]
 * bytes (may contain NULs); free it with mem_free(p, *[out_len] + 1). For
 * CHAR, *[rune] gets the value ([rune] may be NULL). Raw strings lose their
 * carriage returns, as in Go. Returns NULL if the literal is malformed (the
 * lexer has already reported it). */
char *lex_unquote(const char *raw, int len, int *out_len, int32_t *rune);

#endif

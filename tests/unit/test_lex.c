/* test_lex: the scanner: tokens, automatic semicolons, literals, positions,
 * lex_unquote. (Lexical error texts are checked against go build in
 * test_parse's golden cases.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lex.h"
#include "mem.h"

/* tokens: "kind:text kind:text ..." for [src], semicolons shown as ";" or
 * ";newline"/";EOF" when inserted. */
static char *tokens(const char *src, int *nerr) {
    SrcFile f;
    src_from_string(&f, "x.go", src, strlen(src));
    DiagList dl;
    diag_init(&dl, "x.go");
    Lexer lx;
    lex_init(&lx, &f, &dl);
    static char out[4096];
    size_t k = 0;
    for (;;) {
        Token t = lex_next(&lx);
        if (t.kind == TK_EOF) break;
        if (k) out[k++] = ' ';
        if (t.kind == TK_SEMICOLON && t.inserted) k += (size_t)snprintf(out + k, sizeof out - k, ";%s", t.text);
        else if (t.kind == TK_IDENT || (t.kind >= TK_INT && t.kind <= TK_STRING))
            k += (size_t)snprintf(out + k, sizeof out - k, "%s:%.*s", lex_token_text(t.kind), t.len, t.text);
        else k += (size_t)snprintf(out + k, sizeof out - k, "%.*s", t.len, t.text);
    }
    out[k] = 0;
    if (nerr) *nerr = lx.nerr;
    diag_free(&dl);
    src_free(&f);
    return out;
}

static void test_semicolons(void **state) {
    (void)state;
    assert_string_equal(tokens("x := 1\ny++\n", NULL), "name:x := literal:1 ;newline name:y ++ ;newline");
    assert_string_equal(tokens("return\nbreak\ncontinue\nfallthrough\nf()\na[i]\n}\n", NULL),
                        "return ;newline break ;newline continue ;newline fallthrough ;newline name:f ( ) ;newline "
                        "name:a [ name:i ] ;newline } ;newline");
    /* no semicolon after operators, keywords like if, or open brackets */
    assert_string_equal(tokens("a +\nb\nif\nx {\n}", NULL), "name:a + name:b ;newline if name:x { } ;EOF");
    /* a general comment with a newline counts as a newline */
    assert_string_equal(tokens("a /* x\n */ b /* y */ c", NULL), "name:a ;newline name:b name:c ;EOF");
    assert_string_equal(tokens("a // c\nb", NULL), "name:a ;newline name:b ;EOF");
    assert_string_equal(tokens("x;y", NULL), "name:x ; name:y ;EOF");
}

static void test_operators(void **state) {
    (void)state;
    assert_string_equal(tokens("+ += ++ - -= -- * *= / /= % %= & &= && &^ &^= | |= || ^ ^= << <<= >> >>= "
                               "< <= <- > >= = == ! != ~ := : ... . , ( ) [ ] { } ;",
                               NULL),
                        "+ += ++ - -= -- * *= / /= % %= & &= && &^ &^= | |= || ^ ^= << <<= >> >>= "
                        "< <= <- > >= = == ! != ~ := : ... . , ( ) [ ] { } ;");
    assert_string_equal(tokens("a..b", NULL), "name:a . . name:b ;EOF");
}

static void test_literals(void **state) {
    (void)state;
    int nerr;
    tokens("0x1F 0X_1f 0o17 0O17 0b101 017 0 1_000_000 1.5e3 1E-3 .5 1. 0x1p-2 0x.8p1 1i 0i 1.5i 0x1Fi "
           "'a' '\\n' '\\x41' '\\u00e9' '\\U0001F600' '\\'' \"a\\\"b\" `raw\\n`",
           &nerr);
    assert_int_equal(nerr, 0);
    assert_string_equal(tokens("0x1F 1.5 2i 'c' \"s\"", NULL), "literal:0x1F literal:1.5 literal:2i literal:'c' literal:\"s\" ;EOF");
    SrcFile f;
    const char *src = "12 1.0 3i 'x' `y` 0x1p4";
    src_from_string(&f, "x.go", src, strlen(src));
    Lexer lx;
    lex_init(&lx, &f, NULL);
    TokKind want[] = {TK_INT, TK_FLOAT, TK_IMAG, TK_CHAR, TK_STRING, TK_FLOAT};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) assert_int_equal(lex_next(&lx).kind, want[i]);
    src_free(&f);
    /* errors are counted and the literal is still one token */
    assert_string_equal(tokens("0x 09 1__0", &nerr), "literal:0x literal:09 literal:1__0 ;EOF");
    assert_int_equal(nerr, 3);
}

static void test_keywords_idents(void **state) {
    (void)state;
    assert_string_equal(tokens("break case chan const continue default defer else fallthrough for func go goto if "
                               "import interface map package range return select struct switch type var",
                               NULL),
                        "break case chan const continue default defer else fallthrough for func go goto if "
                        "import interface map package range return select struct switch type var");
    assert_string_equal(tokens("_x x1 élan 世界 forx", NULL), "name:_x name:x1 name:élan name:世界 name:forx ;EOF");
    for (int k = TK_BREAK; k <= TK_VAR; k++) assert_true(lex_is_keyword((TokKind)k));
    assert_false(lex_is_keyword(TK_IDENT));
    assert_int_equal(lex_precedence(TK_MUL), 5);
    assert_int_equal(lex_precedence(TK_OR), 4);
    assert_int_equal(lex_precedence(TK_GEQ), 3);
    assert_int_equal(lex_precedence(TK_LAND), 2);
    assert_int_equal(lex_precedence(TK_LOR), 1);
    assert_int_equal(lex_precedence(TK_NOT), 0);
}

static void test_positions(void **state) {
    (void)state;
    /* byte columns, as Go counts them; a BOM at the start is skipped but counted */
    const char *src = "\xEF\xBB\xBFpackage p\n\tvar é = `a\nb` + x\n";
    SrcFile f;
    src_from_string(&f, "x.go", src, strlen(src));
    Lexer lx;
    lex_init(&lx, &f, NULL);
    Token t = lex_next(&lx);
    assert_int_equal(t.kind, TK_PACKAGE);
    assert_int_equal(t.pos.line, 1);
    assert_int_equal(t.pos.col, 4);
    lex_next(&lx);                /* p */
    t = lex_next(&lx);            /* newline */
    assert_int_equal(t.pos.col, 13);
    t = lex_next(&lx);            /* var */
    assert_int_equal(t.pos.line, 2);
    assert_int_equal(t.pos.col, 2);
    t = lex_next(&lx);            /* é (2 bytes) */
    assert_int_equal(t.pos.col, 6);
    t = lex_next(&lx);            /* = */
    assert_int_equal(t.pos.col, 9);
    t = lex_next(&lx);            /* raw string over two lines */
    assert_int_equal(t.kind, TK_STRING);
    assert_int_equal(t.len, 5);
    t = lex_next(&lx);            /* + */
    assert_int_equal(t.pos.line, 3);
    assert_int_equal(t.pos.col, 4);
    src_free(&f);
}

static void unq(const char *raw, const char *want, int want_len) {
    int n = -1;
    char *s = lex_unquote(raw, (int)strlen(raw), &n, NULL);
    assert_non_null(s);
    assert_int_equal(n, want_len);
    assert_memory_equal(s, want, (size_t)want_len);
    assert_int_equal(s[n], 0);
    mem_free(s, (size_t)n + 1);
}

static void test_unquote(void **state) {
    (void)state;
    unq("\"hello\"", "hello", 5);
    unq("\"\\a\\b\\f\\n\\r\\t\\v\\\\\\\"\"", "\a\b\f\n\r\t\v\\\"", 9);
    unq("\"\\x41\\101\\u00e9\\U0001F600\"", "AA\xC3\xA9\xF0\x9F\x98\x80", 8);
    unq("\"\\377\\xff\"", "\xff\xff", 2); /* bytes in strings */
    unq("\"a\\000b\"", "a\0b", 3);
    unq("`a\\n\r\nb`", "a\\n\nb", 5); /* raw: no escapes, \r dropped */
    unq("\"世界\"", "世界", 6);
    int n;
    int32_t r = 0;
    const char *runes[] = {"'a'", "'\\n'", "'\\''", "'\\x41'", "'\\377'", "'\\u00e9'", "'\\U0001F600'", "'世'"};
    int32_t want[] = {'a', '\n', '\'', 0x41, 0xFF, 0xE9, 0x1F600, 0x4E16};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char *s = lex_unquote(runes[i], (int)strlen(runes[i]), &n, &r);
        assert_non_null(s);
        assert_int_equal(r, want[i]);
        mem_free(s, (size_t)n + 1);
    }
    const char *bad[] = {"'ab'", "''", "\"\\q\"", "\"\\400\"", "\"\\xZ1\"", "'\\uD800'", "\"\\'\"", "'\\\"'", "\"abc", "x"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_null(lex_unquote(bad[i], (int)strlen(bad[i]), &n, &r));
}

static void test_token_text(void **state) {
    (void)state;
    assert_string_equal(lex_token_text(TK_IDENT), "name");
    assert_string_equal(lex_token_text(TK_AND_NOT_ASSIGN), "&^=");
    assert_string_equal(lex_token_text(TK_FALLTHROUGH), "fallthrough");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_semicolons), cmocka_unit_test(test_operators),
        cmocka_unit_test(test_literals),   cmocka_unit_test(test_keywords_idents),
        cmocka_unit_test(test_positions),  cmocka_unit_test(test_unquote),
        cmocka_unit_test(test_token_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}

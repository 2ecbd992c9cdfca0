/* fuzz_front: libFuzzer target over the whole front end (lex, parse, check).
 * Any input must give diagnostics or a checked program: never a crash, leak
 * or hang. Build: CC=clang cmake -DGORO_FUZZ=ON; run tests/fuzz/run.sh. */
#include <stddef.h>
#include <stdint.h>

#include "front.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FrontUnit u;
    front_compile_string(&u, "fuzz.go", (const char *)data, size, NULL);
    front_free(&u);
    return 0;
}

/* main: the goro-viz command line (placeholder until the CLI lands). */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("goro-viz %s\n", GORO_VERSION);
        return 0;
    }
    fprintf(stderr, "usage: goro-viz [FILE.go] | check FILE.go\n");
    return 64;
}

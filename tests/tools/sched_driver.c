/* sched_driver: `run` and `trace` through sched_cli, for the tests that need
 * a runner before (or beside) `goro-viz run`, and for builds of sim/ with
 * another compiler (determinism.test.sh). Usage as sched_cli. */
#include "sched.h"

int main(int argc, char **argv) { return sched_cli(argc, argv, stdout, stderr); }

/* cli_explore: the `goro-viz explore` and `goro-viz hunt` commands: option
 * parsing, worker processes, progress bar and printing over sim/explore.h.
 */
#ifndef GORO_CLI_EXPLORE_H
#define GORO_CLI_EXPLORE_H

/* cli_explore: `goro-viz explore FILE.go --seeds A..B [--strategy S]
 * [--pct-depth D] [--max-steps N] [--jobs J] [--shard I/N] [--json]
 * [--group-by 'output~RE'] [--plot out.png] [--top K]` or `goro-viz explore
 * --merge a.jsonl b.jsonl... [--plot out.png]`; [argv] holds the [argc]
 * arguments after the command word. Prints the outcome table on stdout (on
 * stderr with --json, whose JSON Lines take stdout). Returns 0, 1 (the file
 * does not compile or cannot be read), 64 (usage), 70 (a worker failed), 73
 * (the plot could not be written). */
int cli_explore(int argc, char **argv);

/* cli_hunt: `goro-viz hunt FILE.go --until COND [--seeds A..B] [--jobs J]
 * [--strategy S] ...`: runs seeds in order and stops at the first whose run satisfies
 * COND, printing `seed N` and the commands that replay and open it. Returns
 * 0 when found, 1 when no seed in the range matches (or the file does not
 * compile), 64 on a bad condition or option. */
int cli_hunt(int argc, char **argv);

#endif

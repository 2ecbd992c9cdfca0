/* cli_shrink: the `goro-viz shrink` command: a failing seed's schedule
 * reduced to the fewest preemptions that still fail (sim/schedule.h).
 */
#ifndef GORO_CLI_SHRINK_H
#define GORO_CLI_SHRINK_H

/* cli_shrink: `goro-viz shrink FILE.go --seed N --until COND [-o F.sched]
 * [--strategy S] [--pct-depth D] [--max-steps N] [--max-runs N]`; [argv]
 * holds the [argc] arguments after the command word. Records the seed's
 * run, checks it satisfies COND (as hunt's), delta-debugs its preemptions
 * over the non-preemptive rr baseline, moves each kept one as early as it
 * still fails, writes the sparse schedule (default FILE.seedN.sched in the
 * current directory) and prints the counts and the replay command. Returns
 * 0, 1 (the file does not compile; the seed does not satisfy COND; its
 * failure does not reproduce as preemptions of rr; the schedule cannot be
 * written), 64 (usage). */
int cli_shrink(int argc, char **argv);

#endif

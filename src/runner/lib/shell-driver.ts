import fs from 'node:fs'

/** The last line of a whole state file: a shell killed while it saved its
 * state (SIGKILL after the grace) leaves a file without it, which must not
 * pass for the state it had. */
export const stateEndLine = '# docs-verify: end of the shell state'

/** Whether `file` holds a whole saved state (see stateEndLine). */
export function isWholeState(file: string): boolean {
  try {
    return fs.readFileSync(file, 'utf8').endsWith(`${stateEndLine}\n`)
  } catch {
    return false
  }
}

/**
 * The bash side of the learner's terminal: ONE bash process per session
 * reads short command lines on its stdin (a pipe from docs-verify; nobody
 * types, so the blocks themselves get /dev/null as stdin). For each block it
 * sources the block's file at the top level (so `declare`, `export`, `cd`,
 * functions, aliases and an activated virtualenv stay in the shell for the
 * next block), ends the block's output with the marker, then answers with a
 * reply line after the marker on its original stdout (the reply channel).
 * What blocks print goes to the named pipes given as __DV_OUT and __DV_ERR
 * (the same pipe when merged), which docs-verify reads when the reply
 * arrives (see shell-output.ts).
 *
 * docs-verify may send the next block's line while a block runs (nothing
 * of the learner's happens between them): bash reads it when the block
 * ends, so the terminal never waits for docs-verify between two blocks.
 * The marker at the end of a block's output tells the two blocks' output
 * apart. Blocks alternate between two files, so the next one is written
 * while the current one runs. When a block changed `$!` (it may have left a
 * job running), bash waits on the hold pipe before it reads the next line:
 * docs-verify looks at the shell's children while nothing else runs, and
 * sends back what to do first (move to new output pipes, or nothing).
 *
 * A block stops at its first failing command, as a learner would: the ERR
 * trap records its status and line (LINENO: no file write, no per-command
 * cost) and returns from the block. A timeout writes the block's number to
 * the abort file and sends SIGUSR1: its trap unwinds that block (also out
 * of a builtin `while :; do :; done`), and only that one. `exit` runs the
 * EXIT trap, which saves the whole state so a new shell can take over.
 *
 * Control values arrive as __DV_* variables and move into __dv_* shell
 * variables (never exported, never saved); __dv_* functions are never saved.
 */
export const driverScript = String.raw`# docs-verify: one learner's terminal, driven through stdin
__dv_mark=$'\x1e'"$__DV_MARK" __dv_merge=$__DV_MERGE __dv_base=$__DV_BASE_NAMES __dv_work=$__DV_WORK
__dv_D=$__DV_BLOCKS __dv_S=$__DV_STEP __dv_B=$__DV_BACKGROUND __dv_exit_state=$__DV_EXIT_STATE
# Descriptor 3 is bubblewrap's status (see startBash): not the learner's.
exec 3>&-
# The reply channel: the shell's stdout as started, kept on a spare descriptor.
exec {__dv_ctl}>&1
# Read-write: opening never waits for docs-verify's end of the pipe.
exec {__dv_hold}<>"$__DV_HOLD" || {
  echo "docs-verify: the shell cannot open its hold pipe $__DV_HOLD" >&"$__dv_ctl"
  exit 1
}

# Blocks print to the pipes; the end marker goes to spare copies of them, so
# a block's own 'exec >file' never gets it. One pipe for both when
# merged: the exact order a terminal shows.
__dv_pipes() {
  if [[ $__dv_merge == 1 ]]; then exec >"$1" 2>&1; else exec >"$1" 2>"$2"; fi || return 1
  [[ -z ${'$'}{__dv_o-} ]] || exec {__dv_o}>&-
  [[ -z ${'$'}{__dv_e-} ]] || exec {__dv_e}>&-
  exec {__dv_o}>&1
  [[ $__dv_merge == 1 ]] || exec {__dv_e}>&2
}
__dv_pipes "$__DV_OUT" "$__DV_ERR" || {
  echo "docs-verify: the shell cannot write to its output pipe $__DV_OUT" >&"$__dv_ctl"
  exit 1
}
unset __DV_MARK __DV_MERGE __DV_BASE_NAMES __DV_WORK __DV_BLOCKS __DV_STEP __DV_BACKGROUND __DV_EXIT_STATE __DV_OUT __DV_ERR __DV_HOLD
__dv_f= __dv_seq=0 __dv_line=0 __dv_s=0 __dv_fail_status= __dv_fail_line= __dv_abort= __dv_force= __dv_quitting= __dv_job=- __dv_t=
shopt -s expand_aliases

__dv_reply() { printf '%s%s\t%s\n' "$__dv_mark" "$*" "$PWD" >&"$__dv_ctl"; }

# 'cmd | head' ends cmd with SIGPIPE (141): not an error in a terminal.
__dv_real_failure() {
  local __dv_p
  for __dv_p; do [[ $__dv_p == 0 || $__dv_p == 141 ]] || return 0; done
  [[ ${'$'}{!#} != 0 ]]
}

# Traps are set again before every block: a block may have changed them.
# The ERR trap's LINENO is the failing command's line: line tracking for
# free. No DEBUG trap while a block runs normally: it would cost every
# command, and a block's set -x would trace it.
__dv_err_trap='{ __dv_s=$? __dv_pipe=("${'$'}{PIPESTATUS[@]}"); [[ -n $__dv_f && ${'$'}{BASH_SOURCE-} == "$__dv_f" ]] && __dv_real_failure "${'$'}{__dv_pipe[@]}" && { __dv_fail_status=$__dv_s __dv_fail_line=$LINENO; return "$__dv_s"; }; } 2>/dev/null'
# A timeout: return from the block, and from any function of the learner's
# it is in (the DEBUG trap, from then on, returns at every next command).
# Only the block the abort file names: a block that ended just before the
# signal came has no business with it, and neither has the next one (a
# trap's 'return' would leave the block: the test is an if).
__dv_usr1_trap='{ if [[ -n $__dv_f ]] && read -r __dv_t <"$__dv_D/abort" && [[ $__dv_t == "$__dv_seq" ]]; then __dv_abort=1; set -T; trap "$__dv_unwind_trap" DEBUG; [[ ${'$'}{FUNCNAME-} == __dv_* || ${'$'}{BASH_SOURCE:-$__dv_S} == "$__dv_S" ]] || return 130; fi; } 2>/dev/null'
__dv_unwind_trap='{ [[ ${'$'}{FUNCNAME-} == __dv_* || ${'$'}{BASH_SOURCE:-$__dv_S} == "$__dv_S" ]] || { [[ $__dv_line != 0 ]] || __dv_where "$LINENO"; return 130; }; } 2>/dev/null'

# Where the unwinding found the block, for a hang with no process to name
# (a builtin loop): the block's top-level line, from the call stack.
# FUNCNAME[i] was called from BASH_SOURCE[i+1] at line BASH_LINENO[i]; at
# the block's own top level the trap's LINENO ($1) is the line.
__dv_where() {
  local __dv_i
  for ((__dv_i = ${'$'}{#BASH_SOURCE[@]} - 2; __dv_i >= 0; __dv_i--)); do
    if [[ ${'$'}{BASH_SOURCE[__dv_i + 1]} == "$__dv_f" ]]; then
      ((__dv_i == 0)) && __dv_line=$1 || __dv_line=${'$'}{BASH_LINENO[__dv_i]}
      return
    fi
  done
}

# Called by the step file before the block is sourced (the next foreground
# block: numbered, its file by the number), or by a background block with
# its file and name. Assignments in one command run left to right.
__dv_pre() {
  if (($#)); then __dv_f=$1 __dv_seq=$2; else __dv_seq=$((__dv_seq + 1)) __dv_f=$__dv_D/block-$((__dv_seq % 2)).sh; fi
  __dv_line=0 __dv_fail_status= __dv_fail_line= __dv_abort=
  [[ -z $__dv_force ]] || eval "$__dv_force"
  set -o pipefail
  trap "$__dv_err_trap" ERR
  trap "$__dv_usr1_trap" USR1
}

# Called by the step file after the block, with its status in __dv_s. The
# block's status is its first failure's, else 0: a learner sees no error
# when the last line is a false test ([ -f x ] && ...). The marker ends the
# block's output before the reply says it ended. $! last: every child that
# can outlive a block (cmd &, coproc, <(...)) sets it; when it changed,
# the reply says so (hold=1) and the shell waits on the hold pipe, so the
# block's jobs are looked at before the next block starts any process.
__dv_post() {
  [[ -z $__dv_abort ]] || trap - DEBUG
  __dv_f=
  printf %s "$__dv_mark" >&"$__dv_o"
  [[ $__dv_merge == 1 ]] || printf %s "$__dv_mark" >&"$__dv_e"
  __dv_h=0
  [[ ${'$'}{!:--} == "$__dv_job" ]] || __dv_h=1 __dv_job=${'$'}{!:--}
  printf '%sdone %s %s %s %s %s %s %s\t%s\n' "$__dv_mark" "$__dv_seq" "${'$'}{__dv_fail_status:-0}" "${'$'}{__dv_fail_status:--}" "${'$'}{__dv_fail_line:--}" "$__dv_line" "$__dv_s" "$__dv_h" "$PWD" >&"$__dv_ctl"
  [[ $__dv_h == 0 ]] || { __dv_go=; read -r __dv_go <&"$__dv_hold"; eval "$__dv_go"; }
}

# The terminal's state as a script: variables (declare -p), functions,
# aliases and the directory. Names come from compgen into a file: a builtin
# writing to a file runs in this process, no fork.
__dv_dump() {
  local IFS=$' \t\n' __dv_n __dv_names __dv_vars=() __dv_fns=()
  compgen -v > "$1.names"
  mapfile -t __dv_names < "$1.names"
  for __dv_n in "${'$'}{__dv_names[@]}"; do
    case $__dv_n in
      __dv_*|BASH|BASH_*|BASHOPTS|BASHPID|COLUMNS|COMP_*|DIRSTACK|EPOCHREALTIME|EPOCHSECONDS|EUID|FUNCNAME|GROUPS|HISTCMD|HOSTNAME|HOSTTYPE|IFS|LINENO|LINES|MACHTYPE|OLDPWD|OPTARG|OPTERR|OPTIND|OSTYPE|PIPESTATUS|PPID|PS4|PWD|RANDOM|SECONDS|SHELLOPTS|SHLVL|SRANDOM|UID|_) ;;
      *) __dv_vars+=("$__dv_n") ;;
    esac
  done
  compgen -A function > "$1.names"
  mapfile -t __dv_names < "$1.names"
  for __dv_n in "${'$'}{__dv_names[@]}"; do [[ $__dv_n == __dv_* ]] || __dv_fns+=("$__dv_n"); done
  {
    echo "# docs-verify shell state: variables, functions, aliases, directory"
    for __dv_n in $__dv_base; do [[ -v $__dv_n ]] || echo "unset $__dv_n"; done
    ((${'$'}{#__dv_vars[@]})) && declare -p "${'$'}{__dv_vars[@]}"
    ((${'$'}{#__dv_fns[@]})) && declare -f "${'$'}{__dv_fns[@]}"
    alias -p
    printf 'cd -- %q 2>/dev/null || cd -- %q\n' "$PWD" "$__dv_work"
    [[ -n ${'$'}{OLDPWD-} ]] && printf 'OLDPWD=%q\n' "$OLDPWD"
    echo "${stateEndLine}"
  } > "$1"
}

# exit in a block (or set -e, or SIGTERM): save the whole state for the
# shell that takes over, and end the block's output.
__dv_on_exit() {
  [[ -n $__dv_quitting ]] && return
  __dv_dump "$__dv_exit_state"
  __dv_reply exit "$__dv_seq" "$__dv_s" "${'$'}{__dv_fail_status:--}" "${'$'}{__dv_fail_line:--}" "$__dv_line"
}
trap '{ __dv_s=$?; set +xevuT; trap - DEBUG ERR; } 2>/dev/null; __dv_on_exit' EXIT
`

/**
 * The file each block is run through: `. "$__dv_S"` runs the shell's next
 * block (numbered from 1; odd numbers from block-1.sh of the blocks folder,
 * even ones from block-0.sh). It sits between the command line (kept short:
 * bash reads its stdin a byte at a time) and the block, so the block is
 * sourced at the top level, not in a function.
 */
export const stepScript = String.raw`__dv_pre; set --
. "$__dv_f" </dev/null
{ __dv_s=$?; set +xevuT; } 2>/dev/null
__dv_post
`

/** A "second terminal": the block runs in a subshell (a copy of the
 * terminal as it is now) in the background, its output to a log. Its `$!`
 * is known: no block left it. */
export const backgroundScript = String.raw`( trap - EXIT; __dv_pre "$__dv_D/$1.sh" "$1"; set --; . "$__dv_f" ) </dev/null >"$__dv_D/$1.log" 2>&1 &
__dv_job=$!
__dv_reply bg "$!"
`

/** Quote a value for bash: single quotes, with `'` spelled `'\''`. */
export function bashQuote(value: string): string {
  return `'${value.replaceAll("'", String.raw`'\''`)}'`
}

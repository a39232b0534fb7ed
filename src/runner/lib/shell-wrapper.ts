/**
 * The bash script around every block. One process per block (so a hang can
 * be killed with its whole group), but one terminal's worth of state: the
 * state file is sourced before the block and rewritten after it, also when
 * the block fails, calls `exit` or is stopped with SIGTERM.
 *
 * Like a learner's terminal, a failing line does not stop the block; the
 * ERR trap records the first failing command and its line instead. The DEBUG
 * trap writes the line about to run to a side file so a timeout can say
 * which command hung. Control values come in as __DV_* variables, which are
 * moved into __dv_* shell variables (never saved, never exported).
 */
export const wrapperScript = String.raw`# docs-verify: runs one block in the carried terminal state
__dv_block=$__DV_BLOCK __dv_state=$__DV_STATE __dv_linefile=$__DV_LINE __dv_result=$__DV_RESULT
__dv_force=$__DV_FORCE __dv_base=$__DV_BASE_NAMES __dv_save=$__DV_SAVE __dv_work=$__DV_WORK __dv_merge=$__DV_MERGE
unset __DV_BLOCK __DV_STATE __DV_LINE __DV_RESULT __DV_FORCE __DV_BASE_NAMES __DV_SAVE __DV_WORK __DV_MERGE
__dv_fail_status= __dv_fail_line= __dv_fail_cmd= __dv_done= __dv_exit=

__dv_on_err() {
  [[ -z $__dv_fail_line && ${'$'}{BASH_SOURCE[1]-} == "$__dv_block" ]] || return 0
  # 'cmd | head' ends cmd with SIGPIPE (141): not an error in a terminal.
  local __dv_s
  for __dv_s in $3; do [[ $__dv_s == 0 || $__dv_s == 141 ]] || break; done
  [[ $__dv_s == 0 || $__dv_s == 141 ]] && [[ ${'$'}{3##* } == 0 ]] && return 0
  __dv_fail_status=$1 __dv_fail_line=$2 __dv_fail_cmd=$BASH_COMMAND
}

# The exit handler is code, not a function, so that after unsetting
# __dv_on_err 'declare -f' lists only the learner's functions. Names come
# from compgen into a file: no subshell, no fork. The state goes to
# a .tmp file that the runner renames once the result file says it is whole.
__dv_on_exit='
  trap "" TERM INT HUP
  trap - DEBUG ERR
  [[ -n $__dv_done ]] || __dv_exit=$__dv_status
  if [[ $__dv_save == 1 ]]; then
    unset -f __dv_on_err
    IFS=$'"'"' \t\n'"'"'
    __dv_vars=()
    # A builtin writing to a file runs in this process: no fork.
    compgen -v > "$__dv_state.names"
    mapfile -t __dv_names < "$__dv_state.names"
    for __dv_n in "${'$'}{__dv_names[@]}"; do
      case $__dv_n in
        __dv_*|BASH|BASH_*|BASHOPTS|BASHPID|COLUMNS|COMP_*|DIRSTACK|EPOCHREALTIME|EPOCHSECONDS|EUID|FUNCNAME|GROUPS|HISTCMD|HOSTNAME|HOSTTYPE|IFS|LINENO|LINES|MACHTYPE|OLDPWD|OPTARG|OPTERR|OPTIND|OSTYPE|PIPESTATUS|PPID|PS4|PWD|RANDOM|SECONDS|SHELLOPTS|SHLVL|SRANDOM|UID|_) ;;
        *) __dv_vars+=("$__dv_n") ;;
      esac
    done
    {
      echo "# docs-verify shell state: variables, functions, aliases, directory"
      for __dv_n in $__dv_base; do [[ -v $__dv_n ]] || echo "unset $__dv_n"; done
      ((${'$'}{#__dv_vars[@]})) && declare -p "${'$'}{__dv_vars[@]}"
      declare -f
      alias -p
      printf "cd -- %q 2>/dev/null || cd -- %q\n" "$PWD" "$__dv_work"
      [[ -n ${'$'}{OLDPWD-} ]] && printf "OLDPWD=%q\n" "$OLDPWD"
      :
    } > "$__dv_state.tmp"
  fi
  __dv_code=${'$'}{__dv_fail_status:-${'$'}{__dv_exit:-0}}
  printf "%s\n%s\n%s\n%s\n%s\n" "$__dv_code" "$__dv_fail_status" "$__dv_fail_line" "$PWD" "$__dv_fail_cmd" > "$__dv_result"
  exit "$__dv_code"
'
# Traps run inside { } 2>/dev/null: a block's 'set -x' must not trace them.
trap '{ __dv_status=$?; set +euxv; } 2>/dev/null; eval "$__dv_on_exit"' EXIT

[[ -f $__dv_state ]] && source "$__dv_state"
[[ -n $__dv_force && -f $__dv_force ]] && source "$__dv_force"
shopt -s expand_aliases
set -o pipefail
set --
# One stream for both: the exact order a terminal shows.
[[ $__dv_merge == 1 ]] && exec 2>&1
trap '{ __dv_on_err "$?" "$LINENO" "${'$'}{PIPESTATUS[*]}"; } 2>/dev/null' ERR
set -T
trap '{ [[ ${'$'}{BASH_SOURCE[0]-} == "$__dv_block" ]] && printf "%s\t%s\n" "$LINENO" "$BASH_COMMAND" > "$__dv_linefile"; } 2>/dev/null' DEBUG
source "$__dv_block"
{ __dv_done=1; exit 0; } 2>/dev/null
`

/** Quote a value for bash: single quotes, with `'` spelled `'\''`. */
export function bashQuote(value: string): string {
  return `'${value.replaceAll("'", String.raw`'\''`)}'`
}

/** Bad input the user can fix (a chapter that does not exist, an unreadable
 * config): exit code 2, with a message naming the file, the line and what to
 * do. */
export class InputError extends Error {
  override name = 'InputError'
}

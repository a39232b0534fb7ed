import fs from 'node:fs'
import path from 'node:path'

/** Whether `child` lies below `parent` (`parent` itself is not). */
export function isBelow(parent: string, child: string): boolean {
  const relative = path.relative(parent, child)
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/** The real path of what is there, else undefined. The kernel's realpath:
 * one call, not a walk of lstat calls (the mounts ask at every bwrap start). */
export function realPathOf(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file)
  } catch {
    return undefined
  }
}

import {randomBytes} from 'node:crypto'
import {constants} from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'

/**
 * Replace a file so that readers (and a crash) see the old or the new
 * content, never half of it: write a temporary file in the same folder,
 * fsync, give it the old file's mode, rename over. A symlinked path is
 * resolved first so the link stays a link.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const target = await fs.realpath(file).catch(() => path.resolve(file))
  const mode = await fs
    .stat(target)
    .then((stat) => stat.mode & 0o7777)
    .catch(() => null)
  const dir = path.dirname(target)
  const temp = path.join(dir, `.${path.basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    const handle = await fs.open(temp, 'wx', mode ?? 0o666)
    try {
      await handle.writeFile(text)
      // open() is subject to the umask; chmod gives back the exact mode.
      if (mode !== null) await handle.chmod(mode)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await fs.rename(temp, target)
  } catch (error) {
    await fs.rm(temp, {force: true})
    throw error
  }
  const dirHandle = await fs.open(dir, constants.O_RDONLY).catch(() => null)
  if (dirHandle) {
    await dirHandle.sync().catch(() => {})
    await dirHandle.close()
  }
}

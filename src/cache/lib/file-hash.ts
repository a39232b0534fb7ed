import {createHash} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {readFile} from 'node:fs/promises'

/** Content address of a file: sha256 (hex) and size. */
export interface FileDigest {
  sha256: string
  bytes: number
}

/** Below this a file is read whole: one read beats a stream's overhead
 * for the thousands of small files a virtualenv holds. */
export const readWholeBelow = 1024 * 1024

/** sha256 and size of a file; `size` is what lstat said, to pick a path. */
export async function hashFile(file: string, size = Infinity): Promise<FileDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  if (size < readWholeBelow) {
    const content = await readFile(file)
    hash.update(content)
    bytes = content.length
  } else {
    for await (const chunk of createReadStream(file, {highWaterMark: readWholeBelow})) {
      hash.update(chunk as Buffer)
      bytes += (chunk as Buffer).length
    }
  }
  return {sha256: hash.digest('hex'), bytes}
}

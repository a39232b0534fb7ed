import {spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {createReadStream, createWriteStream} from 'node:fs'
import {Transform} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {createGzip} from 'node:zlib'

/** Size and checksum of an archive as written. */
export interface ArchiveDigest {
  bytes: number
  sha256: string
}

/**
 * Pack `srcDir` into a gzip'd tar at `outFile`. The system `tar` keeps
 * symlinks as links (a venv's `bin/python` must stay one), modes and empty
 * directories; gzip runs in-process at level 1 because snapshots are written
 * after every chapter and read soon after, so speed beats ratio. The file is
 * fsync'd before the promise resolves, so a rename after it is durable.
 */
export async function createArchive(srcDir: string, outFile: string): Promise<ArchiveDigest> {
  const child = spawn('tar', ['--numeric-owner', '-cf', '-', '-C', srcDir, '.'], {
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const exit = waitForExit(child, `tar -c in ${srcDir}`)
  const hash = createHash('sha256')
  let bytes = 0
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk)
      bytes += chunk.length
      callback(null, chunk)
    }
  })
  try {
    await Promise.all([
      pipeline(child.stdout, createGzip({level: 1}), tap, createWriteStream(outFile, {flush: true})),
      exit
    ])
  } catch (error) {
    child.kill()
    throw error
  }
  return {bytes, sha256: hash.digest('hex')}
}

/** Unpack an archive made by `createArchive` into an existing `destDir`. */
export async function extractArchive(archive: string, destDir: string): Promise<void> {
  // tar reads the file itself: piping into it races with tar exiting as soon
  // as it sees the end-of-archive blocks (before the gzip padding is read).
  // --no-same-owner: files belong to whoever restores (root's default would
  // chown to the ids recorded at save time).
  const child = spawn('tar', ['-x', '-z', '-p', '--no-same-owner', '-f', archive, '-C', destDir], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  await waitForExit(child, `tar -x into ${destDir}`)
}

/** sha256 (hex) and size of a file, streamed. */
export async function digestFile(file: string): Promise<ArchiveDigest> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return {bytes, sha256: hash.digest('hex')}
}

function waitForExit(child: ReturnType<typeof spawn>, what: string): Promise<void> {
  let stderr = ''
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    if (stderr.length < 4000) stderr += chunk
  })
  return new Promise((resolve, reject) => {
    child.on('error', (error) => reject(new Error(`${what}: cannot start tar (${error.message}); install GNU or BSD tar`)))
    child.on('close', (code, signal) => {
      if (code === 0) resolve()
      else reject(new Error(`${what} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`))
    })
  })
}

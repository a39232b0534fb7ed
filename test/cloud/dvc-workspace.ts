import {createHash} from 'node:crypto'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** What `dvc push` uploads from a workspace: object name under the
 * remote's prefix (`files/md5/ab/cdef...`) for each tracked md5. */
export interface DvcWorkspace {
  dir: string
  /** Every md5 `dvc push` would upload, as DVC 3 names its objects. */
  pushable: {path: string; object: string}[]
  /** An output kept out of the cache (`cache: false`): never pushed. */
  uncached: {path: string; object: string}
}

const md5 = (text: string): string => createHash('md5').update(text).digest('hex')
const objectOf = (hash: string): string => `files/md5/${hash.slice(0, 2)}/${hash.slice(2)}`

/**
 * The workspace the bundled chapters 3-7 leave, as DVC 3 writes it (no DVC
 * runs here): `data/raw` added with `dvc add`, the `dvc.yaml` of chapter 4
 * (prepare, train, evaluate with `evaluation/metrics.json` kept out of the
 * cache), its `dvc.lock`, the cache's directory listings, and `.dvc/config`
 * with the remote `url` the chapter's `dvc remote add -d data URL` writes
 * (none when `remoteUrl` is undefined), in a new folder under `parent`.
 */
export function dvcWorkspace(remoteUrl: string | undefined, parent = os.tmpdir()): DvcWorkspace {
  const dir = mkdtempSync(path.join(parent, 'dv-dvc-workspace-'))
  const write = (name: string, text: string): void => {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), text)
  }
  const pushable: DvcWorkspace['pushable'] = []
  const directory = (output: string, files: string[]): string => {
    const entries = files.map((relpath) => ({md5: md5(`${output}/${relpath}`), relpath}))
    const hash = `${md5(JSON.stringify(entries))}.dir`
    write(`.dvc/cache/files/md5/${hash.slice(0, 2)}/${hash.slice(2)}`, JSON.stringify(entries))
    pushable.push({path: output, object: objectOf(hash)}, ...entries.map((entry) => ({path: `${output}/${entry.relpath}`, object: objectOf(entry.md5)})))
    return hash
  }
  write('.dvc/config', remoteUrl === undefined ? '' : `[core]\n    remote = data\n['remote "data"']\n    url = ${remoteUrl}\n`)
  write('data/raw.dvc', `outs:\n- md5: ${directory('data/raw', ['train.csv', 'test.csv'])}\n  size: 16\n  nfiles: 2\n  hash: md5\n  path: raw\n`)
  write(
    'dvc.yaml',
    'stages:\n  prepare:\n    cmd: python3 src/prepare.py\n    deps:\n      - data/raw\n      - src/prepare.py\n    outs:\n      - data/prepared\n' +
      '  train:\n    cmd: python3 src/train.py\n    outs:\n      - model\n' +
      '  evaluate:\n    cmd: python3 src/evaluate.py\n    metrics:\n      - evaluation/metrics.json:\n          cache: false\n'
  )
  const metrics = md5('evaluation/metrics.json')
  write(
    'dvc.lock',
    'schema: "2.0"\nstages:\n' +
      `  prepare:\n    cmd: python3 src/prepare.py\n    outs:\n    - path: data/prepared\n      hash: md5\n      md5: ${directory('data/prepared', ['train.csv', 'test.csv'])}\n` +
      `  train:\n    cmd: python3 src/train.py\n    outs:\n    - path: model\n      hash: md5\n      md5: ${directory('model', ['model.pkl'])}\n` +
      `  evaluate:\n    cmd: python3 src/evaluate.py\n    outs:\n    - path: evaluation/metrics.json\n      hash: md5\n      md5: ${metrics}\n`
  )
  return {dir, pushable, uncached: {path: 'evaluation/metrics.json', object: objectOf(metrics)}}
}

import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {ControlPlaneState, FakeProject} from '../../cloud/index.js'

/**
 * The cloud's state as files inside the sandbox, so a chapter snapshot
 * carries it like the workspace: every bucket and object of the emulator
 * (`gcs/<bucket>/<object>`) and the control plane's projects. Saved before
 * a snapshot, loaded into fresh stand-ins after a restore.
 */
export const cloudStateDir = 'cloud-state'

async function json(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, {...init, signal: AbortSignal.timeout(30_000)})
  if (!response.ok) throw new Error(`${init?.method ?? 'GET'} ${url} answered ${response.status}: ${await response.text()}`)
  return response.json()
}

async function listAll(url: string): Promise<{name: string}[]> {
  const items: {name: string}[] = []
  let pageToken: string | undefined
  do {
    const page = new URL(url)
    if (pageToken) page.searchParams.set('pageToken', pageToken)
    const answer = (await json(page.toString())) as {items?: {name: string}[]; nextPageToken?: string}
    items.push(...(answer.items ?? []))
    pageToken = answer.nextPageToken
  } while (pageToken)
  return items
}

/** Write the emulator's buckets and objects and the control plane's
 * projects under `<root>/cloud-state`. */
export async function saveCloudState(root: string, endpoint: string, controlPlane: ControlPlaneState): Promise<void> {
  const base = path.join(root, cloudStateDir)
  // What a chapter deleted must not come back from an older save.
  await rm(path.join(base, 'gcs'), {recursive: true, force: true})
  await mkdir(path.join(base, 'gcs'), {recursive: true})
  for (const bucket of await listAll(`${endpoint}/storage/v1/b?project=docs-verify`)) {
    await mkdir(path.join(base, 'gcs', bucket.name), {recursive: true})
    for (const object of await listAll(`${endpoint}/storage/v1/b/${encodeURIComponent(bucket.name)}/o`)) {
      const response = await fetch(`${endpoint}/storage/v1/b/${encodeURIComponent(bucket.name)}/o/${encodeURIComponent(object.name)}?alt=media`)
      if (!response.ok) throw new Error(`could not read gs://${bucket.name}/${object.name} from the emulator (${response.status})`)
      const file = path.join(base, 'gcs', bucket.name, object.name)
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, Buffer.from(await response.arrayBuffer()))
    }
  }
  await writeFile(path.join(base, 'projects.json'), JSON.stringify([...controlPlane.projects.values()], null, 2))
}

/** Load what {@link saveCloudState} wrote into fresh stand-ins; nothing
 * happens when the snapshot has no cloud state. */
export async function loadCloudState(root: string, endpoint: string, controlPlane: ControlPlaneState): Promise<void> {
  const base = path.join(root, cloudStateDir)
  const buckets = await readdir(path.join(base, 'gcs'), {withFileTypes: true}).catch(() => [])
  for (const bucket of buckets.filter((entry) => entry.isDirectory())) {
    await json(`${endpoint}/storage/v1/b?project=docs-verify`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({name: bucket.name})})
    const dir = path.join(base, 'gcs', bucket.name)
    for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
      if (!entry.isFile()) continue
      const file = path.join(entry.parentPath, entry.name)
      const name = path.relative(dir, file).split(path.sep).join('/')
      await json(`${endpoint}/upload/storage/v1/b/${encodeURIComponent(bucket.name)}/o?uploadType=media&name=${encodeURIComponent(name)}`, {
        method: 'POST',
        body: await readFile(file)
      })
    }
  }
  const projects = await readFile(path.join(base, 'projects.json'), 'utf8').catch(() => undefined)
  if (projects !== undefined) {
    for (const project of JSON.parse(projects) as FakeProject[]) controlPlane.projects.set(project.projectId, project)
  }
}

import {mkdir, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {ControlPlaneState, FakeProject} from './control-plane-state.js'
import {createBucket, listBuckets, listObjects, readObject, uploadObject} from './gcs-json-api.js'

/**
 * The cloud's state as files inside the sandbox, so a chapter snapshot
 * carries it like the workspace: every bucket and object of the emulator
 * (`cloud-state/gcs/<bucket>/<object>`) and the control plane's projects
 * (`cloud-state/projects.json`). Saved before a snapshot, loaded into
 * fresh stand-ins after a restore.
 */
const cloudStateDir = 'cloud-state'

/** Write the emulator's buckets and objects and the control plane's
 * projects under `<root>/cloud-state`. */
export async function saveCloudState(root: string, endpoint: string, controlPlane: ControlPlaneState): Promise<void> {
  const base = path.join(root, cloudStateDir)
  // What a chapter deleted must not come back from an older save.
  await rm(path.join(base, 'gcs'), {recursive: true, force: true})
  await mkdir(path.join(base, 'gcs'), {recursive: true})
  for (const bucket of await listBuckets(endpoint)) {
    await mkdir(path.join(base, 'gcs', bucket), {recursive: true})
    for (const object of await listObjects(endpoint, bucket)) {
      const file = path.join(base, 'gcs', bucket, object)
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, await readObject(endpoint, bucket, object))
    }
  }
  await writeFile(path.join(base, 'projects.json'), JSON.stringify([...controlPlane.projects.values()], null, 2))
}

/** Load what {@link saveCloudState} wrote into fresh stand-ins; nothing
 * happens when the sandbox has no cloud state. */
export async function loadCloudState(root: string, endpoint: string, controlPlane: ControlPlaneState): Promise<void> {
  const base = path.join(root, cloudStateDir)
  const buckets = await readdir(path.join(base, 'gcs'), {withFileTypes: true}).catch(() => [])
  for (const bucket of buckets.filter((entry) => entry.isDirectory())) {
    await createBucket(endpoint, bucket.name)
    const dir = path.join(base, 'gcs', bucket.name)
    for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
      if (!entry.isFile()) continue
      const file = path.join(entry.parentPath, entry.name)
      await uploadObject(endpoint, bucket.name, path.relative(dir, file).split(path.sep).join('/'), await readFile(file))
    }
  }
  const projects = await readFile(path.join(base, 'projects.json'), 'utf8').catch(() => undefined)
  if (projects !== undefined) {
    for (const project of JSON.parse(projects) as FakeProject[]) controlPlane.projects.set(project.projectId, project)
  }
}

#!/usr/bin/env node
// The CLI bundled with esbuild, instead of ~300 modules from node_modules
// (module resolution and loading were ~240 ms of a ~300 ms dry-run):
//   - dist/cli/bin.js and a few ES module chunks: argument parsing, --help,
//     --version (one small file to load);
//   - dist/cli/chunks/run-<kind>-<hash>.cjs: the commands, one CommonJS
//     script per kind of run (list, a dry-run, a run, ...), run from a V8
//     code cache made when a run ends (src/cli/lib/code-cached-script.ts
//     says why). What a command imports with `import()` stays in its
//     script, uninitialised until imported.
// The library entry points (dist/index.js) stay tsc's per-file output. The
// container backend's packages are optional peers and stay outside the
// bundle, loaded only for `--gcs container`.
//
//   node scripts/bundle-cli.js      (part of `npm run build`)
import {readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'
import ts from 'typescript'
import {replaceBuildOutput} from './replace-build-output.js'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const {version} = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'))
const outdir = path.join(root, 'dist/cli')

/**
 * esbuild keeps every module a kept module imports unless told the module
 * has no side effects. Ours have none but the entry (checked here: only
 * imports, exports and declarations at the top level), and saying so keeps
 * a dry-run from loading the emulator, the process table and node:http
 * (which alone loads undici) because it imports one table from src/cloud.
 */
const modulesHaveNoSideEffects = {
  name: 'modules-have-no-side-effects',
  setup(build) {
    build.onResolve({filter: /^\.\.?\//}, async (args) => {
      if (args.pluginData?.resolving || args.kind === 'entry-point') return undefined
      const resolved = await build.resolve(args.path, {kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: {resolving: true}})
      if (resolved.errors.length > 0 || !resolved.path.startsWith(path.join(root, 'src') + path.sep)) return resolved
      const effect = topLevelEffect(resolved.path)
      if (effect) throw new Error(`${path.relative(root, resolved.path)}: a statement runs on import (\`${effect}\`); move it into a function, or it would be dropped from the CLI bundle`)
      return {...resolved, sideEffects: false}
    })
  }
}

const declarationKinds = new Set([
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.ExportAssignment,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.VariableStatement
])

// The CLI is bundled several times (below): each source is read once.
const topLevelEffects = new Map()
const rewrittenSources = new Map()

/** The first top-level statement that is not a declaration, if any. */
function topLevelEffect(file) {
  if (!topLevelEffects.has(file)) topLevelEffects.set(file, findTopLevelEffect(file))
  return topLevelEffects.get(file)
}

function findTopLevelEffect(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
  const directive = (node) => ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression)
  const statement = source.statements.find((node) => !declarationKinds.has(node.kind) && !directive(node))
  return statement?.getText(source).split('\n')[0]
}

/**
 * `import {cloudStandIns} from '../../cloud/index.js'` imports the stage's
 * index, and through it every module of the stage. esbuild's code splitting
 * places modules by that import graph, so the dry-run's chunk would load
 * the emulator and node:http with one table. Rewritten to import each name
 * from the module that defines it, a command loads only what it uses.
 */
const importsSkipStageIndexes = {
  name: 'imports-skip-stage-indexes',
  setup(build) {
    const srcDir = path.join(root, 'src') + path.sep
    build.onLoad({filter: /\.ts$/}, (args) => {
      if (!args.path.startsWith(srcDir)) return undefined
      if (!rewrittenSources.has(args.path)) rewrittenSources.set(args.path, {contents: withoutStageIndexes(args.path), loader: 'ts'})
      return rewrittenSources.get(args.path)
    })
  }
}

/** `file`'s text with its named imports of a stage's index.ts rewritten. */
function withoutStageIndexes(file) {
  const text = readFileSync(file, 'utf8')
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const edits = []
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
    const clause = statement.importClause
    if (!clause || clause.isTypeOnly || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue
    const target = path.resolve(path.dirname(file), statement.moduleSpecifier.text).replace(/\.js$/, '.ts')
    if (!/\/src\/[^/]+\/index\.ts$/.test(target)) continue
    const exports = stageExports(target)
    const imports = []
    for (const element of clause.namedBindings.elements) {
      if (element.isTypeOnly) continue
      const found = exports.get((element.propertyName ?? element.name).text)
      if (!found) {
        imports.length = 0
        break
      }
      let specifier = path.relative(path.dirname(file), found.file).replace(/\.ts$/, '.js')
      if (!specifier.startsWith('.')) specifier = `./${specifier}`
      imports.push(`import {${found.name} as ${element.name.text}} from ${JSON.stringify(specifier)};`)
    }
    if (imports.length > 0) edits.push({start: statement.getStart(source), end: statement.getEnd(), text: imports.join(' ')})
  }
  let contents = text
  for (const edit of edits.reverse()) contents = contents.slice(0, edit.start) + edit.text + contents.slice(edit.end)
  return contents
}

const stageExportsCache = new Map()

/** Name exported by a stage's index.ts -> the module and name it re-exports. */
function stageExports(indexFile) {
  let exports = stageExportsCache.get(indexFile)
  if (exports) return exports
  exports = new Map()
  const source = ts.createSourceFile(indexFile, readFileSync(indexFile, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || statement.isTypeOnly || !statement.moduleSpecifier || !statement.exportClause) continue
    if (!ts.isNamedExports(statement.exportClause)) continue
    const file = path.resolve(path.dirname(indexFile), statement.moduleSpecifier.text).replace(/\.js$/, '.ts')
    for (const element of statement.exportClause.elements) {
      if (!element.isTypeOnly) exports.set(element.name.text, {file, name: (element.propertyName ?? element.name).text})
    }
  }
  stageExportsCache.set(indexFile, exports)
  return exports
}

const shared = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  external: ['testcontainers', '@testcontainers/gcloud'],
  plugins: [importsSkipStageIndexes, modulesHaveNoSideEffects],
  // A bare `import './x.js'` of one of our modules is there for its types
  // (module augmentation): the plugin checked it runs nothing on import.
  logOverride: {'ignored-bare-import': 'silent'},
  logLevel: 'warning',
  metafile: true,
  // Written by replaceBuildOutput: a rebuild must not delete the files of a
  // docs-verify run still going from this folder.
  write: false
}

/**
 * The commands' scripts, one per kind of run, each holding only the command
 * modules that kind runs (the others left out), so a dry-run's script holds
 * no runner: a first run, with no code cache yet, parses less. The kind is
 * chosen from the invocation (the loader below), the same way
 * run-command.ts and verify.ts choose what to import.
 */
const commandsDir = path.join(root, 'src/cli/lib/commands')
const scriptKinds = {
  list: ['list'],
  init: ['init'],
  lint: ['lint'],
  'verify-dry-run': ['verify', 'dry-run'],
  verify: ['verify', 'dry-run', 'run', 'watch']
}

function onlyCommandsOf(kind) {
  return {
    name: 'only-commands-of-the-kind',
    setup(build) {
      build.onResolve({filter: /^\.\.?\/(commands\/)?[a-z-]+\.js$/}, (args) => {
        const target = path.resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts')
        if (path.dirname(target) !== commandsDir || scriptKinds[kind].includes(path.basename(target, '.ts'))) return undefined
        return {path: target, namespace: 'left-out-command'}
      })
      build.onLoad({filter: /.*/, namespace: 'left-out-command'}, (args) => ({
        loader: 'js',
        contents: `throw new Error(${JSON.stringify(`${path.relative(root, args.path)} is not in the CLI bundle's script for ${kind} (scripts/bundle-cli.js, scriptKinds)`)})`
      }))
    }
  }
}

async function bundleCommandsFor(kind) {
  const built = await build({
    ...shared,
    entryPoints: {[`run-${kind}`]: 'src/cli/lib/run-command.ts'},
    outdir: path.join(outdir, 'chunks'),
    entryNames: '[name]-[hash]',
    outExtension: {'.js': '.cjs'},
    format: 'cjs',
    // A package outside the bundle (the container backend's, CommonJS) is
    // require()d: a script run by node:vm has import() only behind an
    // experimental loader that warns on every use.
    supported: {'dynamic-import': false},
    // The script's own URL, as an ES module's import.meta.url would be.
    banner: {js: "const __import_meta_url = require('node:url').pathToFileURL(__filename).href;"},
    define: {DOCS_VERIFY_VERSION: JSON.stringify(version), 'import.meta.url': '__import_meta_url'},
    plugins: [onlyCommandsOf(kind), ...shared.plugins]
  })
  const [script] = built.outputFiles
  if (built.outputFiles.length !== 1 || /\bimport\(\s*["'`]/.test(script.text)) {
    throw new Error(`the commands for ${kind} did not bundle into one script without import()`)
  }
  return [kind, script]
}
const commandScripts = Object.fromEntries(await Promise.all(Object.keys(scriptKinds).map(bundleCommandsFor)))

/**
 * main.ts's `import('./run-command.js')`, in the bundle: the script for
 * the kind of run, from its code cache.
 */
const commandsRunFromCodeCache = {
  name: 'commands-run-from-code-cache',
  setup(build) {
    build.onResolve({filter: /^\.\/run-command\.js$/}, (args) => {
      if (args.importer !== path.join(root, 'src/cli/lib/main.ts')) return undefined
      return {path: 'run-command', namespace: 'code-cached-commands'}
    })
    build.onLoad({filter: /.*/, namespace: 'code-cached-commands'}, () => ({
      resolveDir: root,
      loader: 'js',
      contents: `import {fileURLToPath} from 'node:url'
import {defaultCodeCacheDir, runCodeCachedScript} from ${JSON.stringify(path.join(root, 'src/cli/lib/code-cached-script.ts'))}
const scripts = ${JSON.stringify(Object.fromEntries(Object.entries(commandScripts).map(([kind, script]) => [kind, `./${path.basename(script.path)}`])))}
export async function runCommand(invocation, io) {
  const kind = invocation.command === 'verify' && invocation.options.dryRun ? 'verify-dry-run' : invocation.command
  const file = fileURLToPath(new URL(scripts[kind], import.meta.url))
  return runCodeCachedScript(file, {dir: defaultCodeCacheDir(), kind}).runCommand(invocation, io)
}
`
    }))
  }
}

const result = await build({
  ...shared,
  entryPoints: {bin: 'src/cli/bin.ts'},
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  // CommonJS packages inside an ES module bundle still call require().
  banner: {js: "import {createRequire as __createRequire} from 'node:module';const require = __createRequire(import.meta.url);"},
  define: {DOCS_VERIFY_VERSION: JSON.stringify(version)},
  plugins: [commandsRunFromCodeCache, ...shared.plugins]
})
// The loader finds the script next to its own chunk.
const loaderChunk = Object.entries(result.metafile.outputs).find(([, output]) => Object.keys(output.inputs).some((input) => input.startsWith('code-cached-commands:')))?.[0]
if (!loaderChunk || path.resolve(root, path.dirname(loaderChunk)) !== path.join(outdir, 'chunks')) {
  throw new Error(`the commands' loader is in ${loaderChunk}, not next to their scripts in dist/cli/chunks`)
}
const entry = path.join(outdir, 'bin.js')
replaceBuildOutput(outdir, [...result.outputFiles, ...Object.values(commandScripts)].map((file) => ({path: file.path, contents: file.contents, executable: file.path === entry})))
// tsc's map describes the file the bundle replaced.
rmSync(path.join(outdir, 'bin.js.map'), {force: true})

#!/usr/bin/env node
// The CLI as one ES module plus a chunk per command (esbuild), so a cold
// `docs-verify --version` loads one small file and a dry-run a few, instead
// of ~300 modules from node_modules (module resolution and loading were
// ~240 ms of a ~300 ms dry-run). The library entry points (dist/index.js)
// stay tsc's per-file output. The container backend's packages are optional
// peers and stay outside the bundle, loaded only for `--gcs container`.
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

/** The first top-level statement that is not a declaration, if any. */
function topLevelEffect(file) {
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
      const text = readFileSync(args.path, 'utf8')
      const source = ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
      const edits = []
      for (const statement of source.statements) {
        if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue
        const clause = statement.importClause
        if (!clause || clause.isTypeOnly || clause.name || !clause.namedBindings || !ts.isNamedImports(clause.namedBindings)) continue
        const target = path.resolve(path.dirname(args.path), statement.moduleSpecifier.text).replace(/\.js$/, '.ts')
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
          let specifier = path.relative(path.dirname(args.path), found.file).replace(/\.ts$/, '.js')
          if (!specifier.startsWith('.')) specifier = `./${specifier}`
          imports.push(`import {${found.name} as ${element.name.text}} from ${JSON.stringify(specifier)};`)
        }
        if (imports.length > 0) edits.push({start: statement.getStart(source), end: statement.getEnd(), text: imports.join(' ')})
      }
      let contents = text
      for (const edit of edits.reverse()) contents = contents.slice(0, edit.start) + edit.text + contents.slice(edit.end)
      return {contents, loader: 'ts'}
    })
  }
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

const result = await build({
  absWorkingDir: root,
  entryPoints: {bin: 'src/cli/bin.ts'},
  outdir,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: ['testcontainers', '@testcontainers/gcloud'],
  // CommonJS packages inside an ES module bundle still call require().
  banner: {js: "import {createRequire as __createRequire} from 'node:module';const require = __createRequire(import.meta.url);"},
  define: {DOCS_VERIFY_VERSION: JSON.stringify(version)},
  plugins: [importsSkipStageIndexes, modulesHaveNoSideEffects],
  // A bare `import './x.js'` of one of our modules is there for its types
  // (module augmentation): the plugin checked it runs nothing on import.
  logOverride: {'ignored-bare-import': 'silent'},
  logLevel: 'warning',
  // Written by replaceBuildOutput: a rebuild must not delete the chunks of a
  // docs-verify run still going from this folder.
  write: false
})
const entry = path.join(outdir, 'bin.js')
replaceBuildOutput(outdir, result.outputFiles.map((file) => ({path: file.path, contents: file.contents, executable: file.path === entry})))
// tsc's map describes the file the bundle replaced.
rmSync(path.join(outdir, 'bin.js.map'), {force: true})

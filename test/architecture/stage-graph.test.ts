// The rooms of src/ and which may use which: every import of every source
// file (static, dynamic, type-only and re-exports), read with the
// TypeScript parser, folded into a graph of top-level folders.
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import ts from 'typescript'
import {describe, expect, test} from 'vitest'

const srcDir = fileURLToPath(new URL('../../src/', import.meta.url))

/**
 * The stages from the bottom up. A folder may import only from a LOWER
 * layer; folders of one layer know nothing of each other. Reading down:
 * the plain data contracts and the Markdown dialect; the extractor (knows
 * nothing of processes); the configuration (settings, no Markdown); the
 * plan (extract + config -> steps); what reads a guide or a plan without
 * running it (nav, lint, init); processes; what runs them (sandbox, cloud
 * stand-ins, snapshot cache); the checks of what ran; the reports; the
 * edits and schedules around a run; verify, which wires a run; the
 * library's entry; the CLI on top, which no stage imports.
 */
const layers: readonly (readonly string[])[] = [
  ['version.ts', 'diagnostic', 'dialect'],
  ['extract'],
  ['config'],
  ['plan'],
  ['guide', 'lint', 'init'],
  ['process'],
  ['runner', 'cloud', 'cache'],
  ['compare'],
  ['report'],
  ['update', 'shard', 'watch'],
  ['verify'],
  ['index.ts'],
  ['cli']
]

/** Edges the layering allows that would still mix concerns. */
const forbidden: readonly {from: readonly string[]; to: readonly string[]; why: string}[] = [
  {from: ['process', 'runner', 'cloud', 'cache'], to: ['extract', 'dialect'], why: 'the runner knows nothing of Markdown'}
]

/** Top-level folders whose inside another folder may import directly
 * (plain-data contracts): every other folder is entered through its index.ts. */
const contracts = new Set(['src/plan/types.ts', 'src/report/types.ts'])

interface Edge {
  from: string
  to: string
  file: string
  specifier: string
  /** Erased when compiled (`import type`, `export type`, `import('...').T`). */
  typeOnly: boolean
}

function roomOf(file: string): string {
  return path.relative(srcDir, file).split(path.sep)[0]!
}

/** With verbatimModuleSyntax, an import is erased only when marked `type`
 * as a whole or in every name it imports. */
function erased(node: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(node)) {
    return node.isTypeOnly || (node.exportClause !== undefined && ts.isNamedExports(node.exportClause) && node.exportClause.elements.length > 0 && node.exportClause.elements.every((element) => element.isTypeOnly))
  }
  const clause = node.importClause
  if (clause === undefined) return false
  if (clause.isTypeOnly) return true
  const named = clause.namedBindings
  return clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((element) => element.isTypeOnly)
}

function specifiersOf(file: string): {specifier: string; typeOnly: boolean}[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS)
  const found: {specifier: string; typeOnly: boolean}[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({specifier: node.moduleSpecifier.text, typeOnly: erased(node)})
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      found.push({specifier: node.arguments[0].text, typeOnly: false})
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({specifier: node.argument.literal.text, typeOnly: true})
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

/** Every relative import between two files of src/. */
function fileEdges(): Edge[] {
  const files = (readdirSync(srcDir, {recursive: true}) as string[]).filter((file) => file.endsWith('.ts')).map((file) => path.join(srcDir, file))
  const edges: Edge[] = []
  for (const file of files) {
    for (const {specifier, typeOnly} of specifiersOf(file)) {
      if (!specifier.startsWith('.')) continue
      const target = path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts')
      edges.push({from: roomOf(file), to: roomOf(target), file: path.relative(srcDir, file), specifier: path.relative(srcDir, target), typeOnly})
    }
  }
  return edges
}

const allEdges = fileEdges()
/** Between two top-level folders: what this test judges. */
const edges = allEdges.filter((edge) => edge.from !== edge.to)
const where = (edge: Edge): string => `src/${edge.file} imports src/${edge.specifier}`

/** One cycle of the folder graph, if any (depth-first search). */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open')
    stack.push(node)
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next]
      if (state.get(next) === undefined) {
        const cycle = visit(next)
        if (cycle) return cycle
      }
    }
    stack.pop()
    state.set(node, 'done')
    return undefined
  }
  for (const node of graph.keys()) {
    if (state.get(node) === undefined) {
      const cycle = visit(node)
      if (cycle) return cycle
    }
  }
  return undefined
}

describe('the dependency graph between the top-level folders of src/', () => {
  test('finds the imports it judges (the parser sees static, type-only and dynamic imports)', () => {
    const pairs = new Set(edges.map((edge) => `${edge.from} -> ${edge.to}`))
    // One of each kind, known to exist: a static import, a type-only
    // import, a dynamic import() and a re-export.
    expect(pairs).toContain('runner -> process')
    expect(pairs).toContain('report -> plan')
    expect(edges.some((edge) => edge.file === path.join('cli', 'lib', 'report-error.ts') && edge.to === 'guide')).toBe(true)
    expect(pairs).toContain('index.ts -> plan')
  })

  test('every folder of src/ has its place in the order', () => {
    const placed = new Set(layers.flat())
    const rooms = readdirSync(srcDir).filter((name) => !name.startsWith('.'))
    expect(rooms.filter((room) => !placed.has(room)), 'add the new folder to `layers` in this test, with a comment on why there').toEqual([])
  })

  test('has no cycle', () => {
    const graph = new Map<string, Set<string>>()
    for (const edge of edges) graph.set(edge.from, (graph.get(edge.from) ?? new Set()).add(edge.to))
    const cycle = findCycle(graph)
    const proof = cycle?.slice(1).map((to, index) => edges.find((edge) => edge.from === cycle[index] && edge.to === to)!).map(where)
    expect(proof, `cycle ${cycle?.join(' -> ')}`).toBeUndefined()
  })

  test('has no edge from a lower stage to a higher one, and none between stages of one layer', () => {
    const layerOf = new Map(layers.flatMap((names, index) => names.map((name) => [name, index] as const)))
    const upward = edges.filter((edge) => (layerOf.get(edge.from) ?? -1) <= (layerOf.get(edge.to) ?? Infinity))
    expect(upward.map(where)).toEqual([])
  })

  test('no stage imports the CLI, and the runner knows nothing of Markdown', () => {
    expect(edges.filter((edge) => edge.to === 'cli').map(where)).toEqual([])
    for (const rule of forbidden) {
      expect(edges.filter((edge) => rule.from.includes(edge.from) && rule.to.includes(edge.to)).map(where), rule.why).toEqual([])
    }
  })

  test('no module imports itself back at run time, inside a folder either (type-only imports aside)', () => {
    // Such a cycle is how main.ts and the commands it loads imported each
    // other: the order modules run in starts to matter.
    const graph = new Map<string, Set<string>>()
    for (const edge of allEdges.filter((edge) => !edge.typeOnly)) graph.set(edge.file, (graph.get(edge.file) ?? new Set()).add(edge.specifier))
    expect(findCycle(graph)?.map((file) => `src/${file}`)).toBeUndefined()
  })

  test('another folder is entered through its index.ts (or a plain-data contract), never its lib/', () => {
    const inside = edges.filter((edge) => {
      const target = `src/${edge.specifier.split(path.sep).join('/')}`
      return !target.endsWith('/index.ts') && !contracts.has(target) && !['version.ts', 'index.ts'].includes(edge.to)
    })
    expect(inside.map(where)).toEqual([])
  })
})

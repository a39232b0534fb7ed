/**
 * schema/docs-verify.config.schema.json is the one source of the config's
 * shape. This script derives from it, and checks in, what cannot read JSON
 * Schema at run time:
 *
 * - src/config/lib/config-types.generated.ts: the TypeScript types;
 * - src/config/lib/config-validator.generated.ts: ajv's standalone validator
 *   (compiled here because loading and compiling ajv costs ~200 ms of cold
 *   start; the generated code needs no package at run time);
 * - docs/reference/configuration-keys.md: the site's key reference.
 *
 *   node scripts/generate-config-schema.ts          write the files
 *   node scripts/generate-config-schema.ts --check  exit 1 when one is stale
 *
 * test/config/schema-generated.test.ts fails when a file is stale.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv} from 'ajv'
import standaloneModule from 'ajv/dist/standalone/index.js'
import {compile} from 'json-schema-to-typescript'

// A CommonJS module: Node hands over module.exports, a bundler its default.
const standaloneCode = standaloneModule.default ?? (standaloneModule as unknown as typeof standaloneModule.default)

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const schemaFile = 'schema/docs-verify.config.schema.json'

/** Keywords that only docs-verify reads: the wording of an error message. */
export const messageKeywords = ['x-expected', 'x-message'] as const

const banner = (what: string) =>
  `// Generated from ${schemaFile} by scripts/generate-config-schema.ts: ${what}.\n// Do not edit; change the schema and run \`node scripts/generate-config-schema.ts\`.\n`

type Schema = {[key: string]: unknown}

function readSchema(): Schema {
  return JSON.parse(fs.readFileSync(path.join(root, schemaFile), 'utf8')) as Schema
}

async function typesSource(schema: Schema): Promise<string> {
  const types = await compile(structuredClone(schema) as never, 'Config', {
    bannerComment: banner('the config types'),
    additionalProperties: false,
    unreachableDefinitions: false,
    style: {semi: false, singleQuote: true, bracketSpacing: false, printWidth: 120, trailingComma: 'none'}
  })
  return types
}

function validatorSource(schema: Schema): string {
  const ajv = new Ajv({
    allErrors: true,
    // Errors carry their schema, so messages read x-expected and the keys
    // allowed at a level without loading the schema again.
    verbose: true,
    // YAML reads `1` as a number where a string is meant (an env value).
    coerceTypes: true,
    useDefaults: true,
    keywords: [...messageKeywords],
    code: {source: true, esm: true, lines: true}
  })
  const validate = ajv.compile(schema)
  const code = standaloneCode(ajv, validate)
  return `${banner('the config validator')}// @ts-nocheck\n/* eslint-disable */\n${code}\n`
}

type Property = {name: string; schema: Schema}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  const target = ref.replace(/^#\//, '').split('/').reduce<unknown>((node, part) => (node as Schema)[part], root) as Schema
  return {...resolve(target, root), ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$ref'))}
}

function typeText(schema: Schema, root: Schema): string {
  const resolved = resolve(schema, root)
  if (Array.isArray(resolved.enum)) return resolved.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' or ')
  if (resolved.type === 'array') return `list of ${typeText(resolved.items as Schema, root)}`
  if (resolved.type === 'object') {
    if (resolved.properties && resolved.additionalProperties === false) return 'mapping'
    const values = resolved.additionalProperties
    return typeof values === 'object' ? `mapping of ${typeText(values as Schema, root)}` : 'mapping'
  }
  if (resolved.type === 'number') {
    return typeof resolved.exclusiveMinimum === 'number' ? `number > ${resolved.exclusiveMinimum}` : 'number'
  }
  return String(resolved.type)
}

function tableCell(text: string): string {
  return text.replace(/\|/g, '&#124;').replace(/\n/g, ' ')
}

/** One `##` section per mapping, a row per key. */
function referencePage(schema: Schema): string {
  const lines: string[] = [
    '<!-- Generated from schema/docs-verify.config.schema.json by scripts/generate-config-schema.ts; do not edit. -->',
    '',
    '# Configuration reference',
    '',
    'Every key of `docs-verify.config.{json,yaml,yml}`, from the JSON Schema',
    'the package ships (`node_modules/docs-verify/schema/docs-verify.config.schema.json`).',
    'The same schema validates the file and gives your editor completion; see',
    '[Configuration](../configuration.md) for examples.',
    ''
  ]
  const sections: {title: string; schema: Schema}[] = [{title: 'Top level', schema}]
  const seen = new Set<string>()
  for (let index = 0; index < sections.length; index++) {
    const section = sections[index] as {title: string; schema: Schema}
    const properties = Object.entries((section.schema.properties ?? {}) as Record<string, Schema>).map(
      ([name, value]): Property => ({name, schema: value})
    )
    const required = new Set((section.schema.required ?? []) as string[])
    lines.push(`## ${section.title}`, '')
    if (typeof section.schema.description === 'string') lines.push(section.schema.description, '')
    lines.push('| Key | Type | Meaning |', '| --- | --- | --- |')
    for (const property of properties) {
      const resolved = resolve(property.schema, schema)
      let meaning = typeof resolved.description === 'string' ? resolved.description : ''
      if (required.has(property.name)) meaning = `Required. ${meaning}`
      if (resolved.default !== undefined) meaning += ` Default: \`${JSON.stringify(resolved.default)}\`.`
      const pattern = (resolved.propertyNames as Schema | undefined)?.pattern
      if (typeof pattern === 'string') meaning += ` Keys match \`${pattern}\`.`
      lines.push(`| \`${property.name}\` | ${tableCell(typeText(property.schema, schema))} | ${tableCell(meaning.trim())} |`)
      for (const nested of [resolved, resolved.items, resolved.additionalProperties]) {
        const target = nested && typeof nested === 'object' ? resolve(nested as Schema, schema) : undefined
        if (!target?.properties) continue
        const title = typeof target.title === 'string' ? target.title : property.name
        if (seen.has(title) || target === schema) continue
        seen.add(title)
        sections.push({title: `\`${property.name}\` (${title})`, schema: target})
      }
    }
    lines.push('')
  }
  return `${lines.join('\n').trimEnd()}\n`
}

/** Path (relative to the repository root) -> the content it must have. */
export async function generatedFiles(): Promise<Record<string, string>> {
  const schema = readSchema()
  return {
    'src/config/lib/config-types.generated.ts': await typesSource(schema),
    'src/config/lib/config-validator.generated.ts': validatorSource(schema),
    'docs/reference/configuration-keys.md': referencePage(schema)
  }
}

/** The generated files whose content differs from what the schema gives. */
export async function staleFiles(): Promise<string[]> {
  const files = await generatedFiles()
  return Object.entries(files)
    .filter(([file, content]) => {
      try {
        return fs.readFileSync(path.join(root, file), 'utf8') !== content
      } catch {
        return true
      }
    })
    .map(([file]) => file)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--check')) {
    const stale = await staleFiles()
    if (stale.length > 0) {
      console.error(`stale, run node scripts/generate-config-schema.ts: ${stale.join(', ')}`)
      process.exit(1)
    }
  } else {
    for (const [file, content] of Object.entries(await generatedFiles())) {
      fs.writeFileSync(path.join(root, file), content)
      console.error(`wrote ${file}`)
    }
  }
}

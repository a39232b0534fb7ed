import type {ChapterReport, CheckReport, StepReport, VerifyReport} from '../types.js'
import {junitSeconds} from './format-duration.js'
import {stableCheckNames, stableStepNames} from './stable-names.js'
import {failureLine} from './step-label.js'
import {escapeXmlAttribute as attr, escapeXmlText as text} from './xml-escape.js'

interface Case {
  name: string
  timeMs: number
  file: string
  line: number
  outcome: {tag: 'failure' | 'error' | 'skipped'; type: string; message: string; body: string} | null
  out: string
}

/**
 * JUnit XML: one `<testsuite>` per chapter and variant, one `<testcase>` per
 * step and check. Names come from the file, variant, heading path and step
 * kind, never a line number, so files written by shards merge without
 * clashes and an edit above a step does not rename it (the line is in the
 * `line` attribute and the failure message).
 */
export function renderJunit(report: VerifyReport): string {
  const suites = report.chapters.map((chapter) => ({chapter, cases: chapterCases(chapter)}))
  const all = suites.flatMap((suite) => suite.cases)
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="docs-verify" ${counts(all)} time="${junitSeconds(report.durationMs)}">`
  ]
  for (const {chapter, cases} of suites) {
    const suiteName = suiteNameOf(chapter)
    lines.push(
      `  <testsuite name="${attr(suiteName)}" ${counts(cases)} time="${junitSeconds(chapter.durationMs)}" timestamp="${attr(report.startedAt)}" file="${attr(chapter.file)}">`,
      '    <properties>',
      `      <property name="title" value="${attr(chapter.title)}"/>`,
      `      <property name="slug" value="${attr(chapter.slug)}"/>`,
      `      <property name="variant" value="${attr(chapter.variant)}"/>`,
      `      <property name="status" value="${attr(chapter.status)}"/>`,
      '    </properties>'
    )
    for (const c of cases) lines.push(...renderCase(c, suiteName))
    lines.push('  </testsuite>')
  }
  lines.push('</testsuites>')
  return `${lines.join('\n')}\n`
}

function suiteNameOf(chapter: ChapterReport): string {
  return `${chapter.file} [${chapter.variant}]`
}

function counts(cases: Case[]): string {
  const of = (tag: string): number => cases.filter((c) => c.outcome?.tag === tag).length
  return `tests="${cases.length}" failures="${of('failure')}" errors="${of('error')}" skipped="${of('skipped')}"`
}

function chapterCases(chapter: ChapterReport): Case[] {
  const stepNames = stableStepNames(chapter)
  const checkNames = stableCheckNames(chapter)
  const cases = [...chapter.steps.map((step, index) => stepCase(step, stepNames[index]!)), ...chapter.checks.map((check, index) => checkCase(check, checkNames[index]!))]
  if (chapter.status === 'error') {
    const message = chapter.message ?? 'The chapter could not run.'
    cases.unshift({
      name: 'chapter setup',
      timeMs: 0,
      file: chapter.file,
      line: 1,
      outcome: {tag: 'error', type: 'error', message: `${chapter.file}:1: ${message}`, body: message},
      out: ''
    })
  } else if (chapter.status === 'restored' && cases.length === 0) {
    cases.push({name: 'chapter restored from cache', timeMs: 0, file: chapter.file, line: 1, outcome: null, out: ''})
  }
  return cases
}

function stepCase(step: StepReport, name: string): Case {
  const line = failureLine(step)
  const where = `${step.file}:${line}`
  const message = step.message ?? defaultMessage(step)
  const body = [message, step.diff, ...step.notes.map((note) => `note: ${note}`)].filter((part) => part).join('\n\n')
  const base = {name, timeMs: step.durationMs, file: step.file, line: step.line, out: step.notes.join('\n')}
  switch (step.status) {
    case 'failed':
      return {...base, outcome: {tag: 'failure', type: 'failed', message: `${where}: ${message}`, body}, out: ''}
    case 'timed-out':
      return {...base, outcome: {tag: 'error', type: 'timed-out', message: `${where}: ${message}`, body}, out: ''}
    case 'skipped':
    case 'not-applied':
      return {...base, outcome: {tag: 'skipped', type: step.status, message: `${where}: ${message}`, body: ''}}
    default:
      return {...base, outcome: null}
  }
}

function checkCase(check: CheckReport, name: string): Case {
  const base = {name, timeMs: 0, file: check.file, line: check.line, out: ''}
  if (check.status === 'passed') return {...base, outcome: null}
  const where = `${check.file}:${check.line}`
  return {...base, outcome: {tag: 'failure', type: 'check', message: `${where}: ${check.message}`, body: check.message}}
}

function defaultMessage(step: StepReport): string {
  switch (step.status) {
    case 'failed':
      return 'The step failed.'
    case 'timed-out':
      return 'The step timed out.'
    case 'skipped':
      return 'Skipped.'
    case 'not-applied':
      return 'Not applied in this variant.'
    default:
      return ''
  }
}

function renderCase(c: Case, suiteName: string): string[] {
  const open = `    <testcase classname="${attr(suiteName)}" name="${attr(c.name)}" file="${attr(c.file)}" line="${c.line}" time="${junitSeconds(c.timeMs)}"`
  const inner: string[] = []
  if (c.outcome) {
    const {tag, type, message, body} = c.outcome
    inner.push(
      body === ''
        ? `      <${tag} type="${attr(type)}" message="${attr(message)}"/>`
        : `      <${tag} type="${attr(type)}" message="${attr(message)}">${text(body)}</${tag}>`
    )
  }
  if (c.out !== '') inner.push(`      <system-out>${text(c.out)}</system-out>`)
  if (inner.length === 0) return [`${open}/>`]
  return [`${open}>`, ...inner, '    </testcase>']
}

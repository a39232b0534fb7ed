import {readFileSync, readdirSync} from 'node:fs'
const oldPlan = (await import('/tmp/dialect-main/dist/plan/index.js')).planChapter
const newPlan = (await import('./dist/plan/index.js')).planChapter
const root = '../shared/seeds/a-guide-to-mlops-6f332358/docs/'
const files = readdirSync(root, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.md'))
const extra = ['docs', 'test/fixtures'].flatMap((d) => readdirSync(d, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.md')).map((f) => d + '/' + f))
for (const f of [...extra, '../shared/seeds/chapter-7-move-the-ml-experiment-data-to-the-cloud.md', '../shared/seeds/chapter-7-move-the-ml-experiment-code-to-the-cloud.md', ...files.map((f) => root + f)]) {
  const text = readFileSync(f, 'utf8')
  const a = JSON.stringify(oldPlan(text, f), null, 1), b = JSON.stringify(newPlan(text, f), null, 1)
  if (a === b) { console.log('same', f.split('/').pop()); continue }
  const al = a.split('\n'), bl = b.split('\n')
  let i = 0; while (al[i] === bl[i]) i++
  console.log('DIFF', f, '\n  old:', al.slice(i - 3, i + 4).join(' | '), '\n  new:', bl.slice(i - 3, i + 4).join(' | '))
}

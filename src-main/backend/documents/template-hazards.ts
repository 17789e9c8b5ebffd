// Parts of a Word file that would travel into every generated document and reach outside it:
// macros (vbaProject.bin), ActiveX controls, embedded OLE objects and relationships with
// TargetMode="External" (a remote attached template, a file:// image, a link to a program).
// A template is refused with one Chinese sentence per kind of hazard, naming it.
import type PizZip from 'pizzip'
import type { TemplateProblem } from './template-problems'

const PROGRAM =
  /\.(exe|com|bat|cmd|scr|pif|msi|ps1|vbs|vbe|js|jse|wsf|wsh|hta|lnk|jar|sh|cpl|dll)$/i
const RELATIONSHIP = /<Relationship\b[^>]*>/g

function attr(tag: string, name: string): string {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag)
  return m?.[2] ?? m?.[3] ?? ''
}

/** A web or mail link in a hyperlink is ordinary; anything else external is refused. */
function harmlessLink(type: string, target: string): boolean {
  if (!type.endsWith('/hyperlink')) return false
  if (!/^(https?:\/\/|mailto:)/i.test(target)) return false
  return !PROGRAM.test(target.replace(/[?#].*$/, ''))
}

const shown = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s)

export function templateHazards(zip: PizZip): TemplateProblem[] {
  const names = Object.keys(zip.files)
  const problems: TemplateProblem[] = []
  const types = zip.file('[Content_Types].xml')?.asText() ?? ''
  if (names.some((n) => /vbaProject\.bin$/i.test(n)) || /macroEnabled/i.test(types))
    problems.push({
      tag: '',
      message:
        '模板里带有宏（vbaProject.bin）：宏会被复制进每一份生成的文档。请在 Word 或 WPS 中「另存为」普通的 Word 文档（.docx，不带宏）后再导入',
    })
  if (names.some((n) => /^word\/activeX\//i.test(n)))
    problems.push({
      tag: '',
      message: '模板里有 ActiveX 控件：请在 Word 中删除这些控件后再导入',
    })
  if (names.some((n) => /^word\/embeddings\/.*\.(bin|exe|com|bat|cmd|scr|js|vbs)$/i.test(n)))
    problems.push({
      tag: '',
      message: '模板里嵌入了程序或 OLE 对象：请在 Word 中删除嵌入的对象（或改为图片）后再导入',
    })
  const external = new Set<string>()
  for (const n of names.filter((x) => x.endsWith('.rels'))) {
    for (const [tag] of (zip.file(n)?.asText() ?? '').matchAll(RELATIONSHIP)) {
      if (attr(tag, 'TargetMode').toLowerCase() !== 'external') continue
      const target = attr(tag, 'Target')
      if (!harmlessLink(attr(tag, 'Type'), target)) external.add(target)
    }
  }
  if (external.size)
    problems.push({
      tag: '',
      message: `模板链接了外部文件或程序（${[...external].map(shown).join('、')}）：打开生成的文档时会去读取它们。请在 Word 中删除这些链接（附加的模板、链接的图片、指向程序的超链接）后再导入`,
    })
  return problems
}

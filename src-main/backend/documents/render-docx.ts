// Opens, checks and renders a Word template with docxtemplater: file limits first (zip bombs),
// then docxtemplater's own errors and the tags this kind provides, each as a Chinese sentence.
// Values are printed as text only: no raw-XML tags, no expression parser.
import { createHash } from 'node:crypto'
import Docxtemplater from 'docxtemplater'
import InspectModule from 'docxtemplater/js/inspect-module.js'
import PizZip from 'pizzip'
import type { DocKind } from '../../shared/documents/doc-kinds'
import { MAX_TEMPLATE_BYTES } from '../../shared/limits'
import { AppError } from '../../shared/result'
import { checkZip, type ZipLimits } from '../exchange/zip-guard'
import { templateHazards } from './template-hazards'
import { places, withPlace } from './template-places'
import {
  blocking,
  checkTags,
  describeDxtError,
  lookAlikes,
  unknownNames,
  type TemplateProblem,
} from './template-problems'

export type { TemplateProblem } from './template-problems'

export const DOCX_LIMITS: ZipLimits = {
  maxBytes: MAX_TEMPLATE_BYTES,
  maxEntries: 1000,
  maxInflated: 100 * 1024 * 1024,
}

export type DocValue = string | number | boolean | null | undefined | DocData | DocData[]
export interface DocData {
  [key: string]: DocValue
}

const VALID = new Set<string>()

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/** Property lookup only (own properties, so {constructor} finds nothing). */
function plainParser(tag: string) {
  const key = tag.trim()
  return {
    get(scope: unknown): unknown {
      if (key === '.') return scope
      if (typeof scope !== 'object' || scope === null) return undefined
      return Object.hasOwn(scope, key) ? (scope as Record<string, unknown>)[key] : undefined
    },
  }
}

/** The text of the body, headers and footers, runs joined (tags may span several runs). */
function plainText(zip: PizZip): string {
  return Object.keys(zip.files)
    .filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n))
    .map((n) =>
      (zip.file(n)?.asText() ?? '')
        .split(/<\/w:p>/)
        .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
        .join('\n'),
    )
    .join('\n')
}

interface Opened {
  doc: Docxtemplater | null
  problems: TemplateProblem[]
}

function fileProblem(message: string): Opened {
  return { doc: null, problems: [{ tag: '', message }] }
}

/** Opens a template and lists every problem; doc is null when it cannot be used at all. */
export async function openTemplate(buf: Buffer, kind: DocKind): Promise<Opened> {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(OLE2)) {
    return fileProblem(
      '这是旧版 Word 97-2003 文档（.doc）：请在 Word 或 WPS 中「另存为」Word 文档（.docx）后再导入',
    )
  }
  try {
    await checkZip(buf, DOCX_LIMITS, '模板文件', { format: 'docx' })
  } catch (e) {
    if (e instanceof AppError) return fileProblem(e.message)
    throw e
  }
  let zip: PizZip
  try {
    zip = new PizZip(buf)
  } catch {
    return fileProblem('模板文件已损坏，无法打开。请用 Word 或 WPS 打开后「另存为」.docx 再试')
  }
  if (!zip.file('word/document.xml')) {
    return fileProblem(
      '这不是 Word 文档（.docx）：文件里没有正文部分。请选择 Word 或 WPS 保存的 .docx',
    )
  }
  const hazards = templateHazards(zip)
  if (hazards.length) return { doc: null, problems: hazards }
  // A template already found valid for this kind is not inspected again (the inspection
  // costs about as much as the render itself).
  const key = createHash('sha1').update(kind).update(buf).digest('hex')
  const known = VALID.has(key)
  const inspect = new InspectModule()
  let doc: Docxtemplater
  try {
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      stripInvalidXMLChars: true,
      errorLogging: false,
      syntax: { changeDelimiterPrefix: null },
      parser: plainParser,
      nullGetter: () => '',
      modules: known ? [] : [inspect],
    })
  } catch (e) {
    const props = (e as { properties?: { id?: string; errors?: { properties?: object }[] } })
      .properties
    if (!props) throw e
    const list = props.id === 'multi_error' ? (props.errors ?? []) : [{ properties: props }]
    const seen = new Set<string>()
    const text = plainText(zip)
    const problems = [
      ...list.map((x) => describeDxtError(x.properties ?? {})),
      ...unknownNames(kind, text),
      ...lookAlikes(kind, text),
    ].filter((p) => (seen.has(p.message) ? false : (seen.add(p.message), true)))
    const where = places(zip)
    return { doc: null, problems: problems.map((p) => withPlace(p, where)) }
  }
  if (known) return { doc, problems: [] }
  const problems = [
    ...checkTags(kind, inspect.getAllStructuredTags() as never),
    ...lookAlikes(kind, plainText(zip)),
  ]
  const text = doc.getFullText()
  if (/[｛｝]/.test(text)) {
    problems.push({
      tag: '｛',
      message: '模板里有全角花括号「｛」「｝」：标签要用半角（英文输入法）花括号，如「{title}」',
    })
  }
  if (!problems.length) {
    VALID.add(key)
    if (VALID.size > 64) VALID.delete(VALID.values().next().value as string)
    return { doc, problems }
  }
  const where = places(zip)
  return { doc, problems: problems.map((p) => withPlace(p, where)) }
}

/** The problems of a template, or [] when it can be used for this kind. */
export async function checkTemplate(buf: Buffer, kind: DocKind): Promise<TemplateProblem[]> {
  return (await openTemplate(buf, kind)).problems
}

function problemsError(problems: TemplateProblem[], what = '模板'): AppError {
  return new AppError(
    'VALIDATION',
    `${what}有 ${problems.length} 处问题：${problems.map((p) => p.message).join('；')}`,
    problems.map((p) => ({ field: p.tag, message: p.message })),
  )
}

// Control characters other than line breaks, unpaired surrogates and U+FFFE/U+FFFF cannot be
// stored in a Word file; \r\n and \r become line breaks.
const INVALID =
  // eslint-disable-next-line no-control-regex
  /[\x00-\x09\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(INVALID, '')
}

function clean(v: DocValue): DocValue {
  if (typeof v === 'string') return cleanText(v)
  if (Array.isArray(v)) return v.map((x) => clean(x) as DocData)
  if (v && typeof v === 'object') {
    const out: DocData = {}
    for (const [k, x] of Object.entries(v)) out[k] = clean(x)
    return out
  }
  return v
}

/** Renders a template with data; throws one VALIDATION AppError listing every problem. */
export async function renderDocx(
  buf: Buffer,
  kind: DocKind,
  data: DocData,
  what = '模板',
): Promise<Buffer> {
  const { doc, problems } = await openTemplate(buf, kind)
  // Warnings (【title】 printed as is) do not stop a document; the template page shows them.
  if (!doc || blocking(problems).length) throw problemsError(blocking(problems), what)
  doc.render(clean(data) as DocData)
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer
}

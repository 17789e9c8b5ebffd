// Turns what is wrong with a template into one Chinese sentence per problem, naming the tag:
// docxtemplater's compile errors, and tags this kind of document does not have.
import {
  COMMON_TAGS,
  KINDS,
  type DocKind,
  type LoopDef,
  type TagDef,
} from '../../shared/documents/doc-kinds'

export interface TemplateProblem {
  /** The tag as written ({#items}, {title}); '' for problems of the whole file. */
  tag: string
  message: string
  /** A likely mistake that does not stop the template from working (【title】 printed as is). */
  warning?: boolean
}

/** The problems that make a template unusable (warnings left out). */
export const blocking = (problems: readonly TemplateProblem[]) => problems.filter((p) => !p.warning)

interface DxtErrorProps {
  id?: string
  xtag?: string
  context?: string
  openingtag?: string
  closingtag?: string
  explanation?: string
  pair?: { left: string; right: string }
  lastPair?: { left: string; right: string }
}

const shorten = (s: string) => (s.length > 30 ? `${s.slice(0, 30)}…` : s)

/** One docxtemplater error (from properties.errors of a multi_error) in Chinese. */
export function describeDxtError(p: DxtErrorProps): TemplateProblem {
  const x = (p.xtag ?? '').trim()
  switch (p.id) {
    case 'unclosed_loop':
      return {
        tag: `{#${x}}`,
        message: `循环「{#${x}}」没有结束标签：请在要重复的内容之后加上「{/${x}}」`,
      }
    case 'unopened_loop':
      return {
        tag: `{/${x}}`,
        message: `结束标签「{/${x}}」前面没有对应的开始标签「{#${x}}」`,
      }
    case 'closing_tag_does_not_match_opening_tag':
      return {
        tag: `{#${p.openingtag ?? ''}}`,
        message: `开始标签「{#${p.openingtag ?? ''}}」与结束标签「{/${p.closingtag ?? ''}}」不对应：应写成「{/${p.openingtag ?? ''}}」`,
      }
    case 'unclosed_tag':
      return {
        tag: `{${x}`,
        message: `标签「{${shorten(x)}」缺少右花括号「}」`,
      }
    case 'unopened_tag':
      return {
        tag: x,
        message: `「${shorten(x)}」处有多余的右花括号「}」，或缺少左花括号「{」`,
      }
    case 'duplicate_open_tag':
      return {
        tag: x,
        message: `「${shorten(x)}」处左花括号重复：标签只能用一对单花括号，如「{title}」`,
      }
    case 'duplicate_close_tag':
      return {
        tag: x,
        message: `「${shorten(x)}」处右花括号重复：标签只能用一对单花括号，如「{title}」`,
      }
    case 'unbalanced_loop_tags':
    case 'loop_position_invalid': {
      const name = p.pair?.left ?? x
      return {
        tag: `{#${name}}`,
        message: `循环「{#${name}}」的开始和结束标签位置不对：在表格中要放在同一行（开始标签在第一格、结束标签在最后一格），或者都放在表格外`,
      }
    }
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
    case 'raw_tag_outerxml_invalid':
      return {
        tag: `{@${x}}`,
        message: `不支持「{@${x}}」这种原始 XML 标签，请改为「{${x}}」`,
      }
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return {
        tag: '',
        message: '模板内部的 XML 已损坏，请用 Word 或 WPS 打开后「另存为」.docx 再导入',
      }
    default:
      return {
        tag: x,
        message: `模板有格式问题${x ? `（在「${shorten(x)}」附近）` : ''}，请检查花括号是否成对`,
      }
  }
}

interface Part {
  type: string
  value: string
  module?: string
  inverted?: boolean
  subparsed?: Part[]
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[]
      const prev = d[i - 1] as number[]
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      )
    }
  return (d[a.length] as number[])[b.length] as number
}

const FULL_MARK: Record<string, string> = { '＃': '#', '／': '/', '＾': '^', '＠': '@' }

/** 「{／resolutions}」: the / # ^ of a tag typed full-width; '' when the tag is fine. */
function fullWidthMark(tag: string): string {
  const m = /^\{\s*([＃／＾＠])\s*([^{}]*)\}$/.exec(tag)
  if (!m) return ''
  const half = FULL_MARK[m[1] ?? ''] ?? ''
  return `「${tag}」里的「${m[1] ?? ''}」是全角字符：循环和条件的 ${half} 要用半角（英文输入法）输入，写成「{${half}${(m[2] ?? '').trim()}}」`
}

/** The tag or loop name nearest to name: same letters, a has_/is_ prefix away, or a typo. */
function nearest(names: string[], name: string): string | undefined {
  const lower = name.toLowerCase()
  const bare = lower.replace(/^(has|is|show|if)_/, '')
  const exact = names.find((n) => n.toLowerCase() === lower || n.toLowerCase() === bare)
  if (exact) return exact
  const scored = names
    .map((n) => ({
      n,
      d: Math.min(distance(n.toLowerCase(), lower), distance(n.toLowerCase(), bare)),
    }))
    .filter((x) => x.d <= (x.n.length >= 5 ? 2 : 1))
    .sort((x, y) => x.d - y.d)
  return scored[0]?.n
}

/**
 * "；是不是「{title}」？" for a near miss, or how to print a label typed as a tag. For a loop or
 * condition (mark # or ^) only loops and yes/no tags, and tags usable as conditions, are offered.
 */
function suggestion(kind: DocKind, name: string, mark = ''): string {
  const spec = KINDS[kind]
  const everything = [...COMMON_TAGS, ...spec.fields, ...spec.loops.flatMap((l) => l.fields)]
  const byLabel = everything.find((t) => t.label === name)
  if (byLabel) return `；要打印「${name}」，请写成「{${byLabel.tag}}」`
  const loops = spec.loops.map((l) => l.loop)
  const conditions = [...COMMON_TAGS, ...spec.fields].map((t) => t.tag)
  const names = mark ? [...loops, ...conditions] : [...everything.map((t) => t.tag), ...loops]
  const close = nearest(names, name)
  if (!close) return ''
  const isLoop = loops.includes(close)
  return mark
    ? `；是不是${isLoop ? '循环' : '条件'}「{${mark === '^' ? '^' : '#'}${close}}」？`
    : `；是不是「{${close}}」？`
}

const LOOK_ALIKE =
  /([【［〔〖〘「『《〈(（<＜])\s*([#^/＃＾／]?)\s*([A-Za-z_][A-Za-z0-9_]{1,39})\s*([】］〕〗〙」』》〉)）>＞])/g

/**
 * 【title】, ［title］ and other brackets that look like tags but are printed as they are:
 * a warning naming the tag probably meant (only for names this kind has, or nearly has).
 */
export function lookAlikes(kind: DocKind, text: string): TemplateProblem[] {
  const spec = KINDS[kind]
  const names = [
    ...COMMON_TAGS.map((t) => t.tag),
    ...spec.fields.map((t) => t.tag),
    ...spec.loops.flatMap((l) => [l.loop, ...l.fields.map((f) => f.tag)]),
  ]
  const out: TemplateProblem[] = []
  for (const m of text.matchAll(LOOK_ALIKE)) {
    const name = m[3] ?? ''
    const meant = names.includes(name) ? name : nearest(names, name)
    if (!meant) continue
    const mark = FULL_MARK[m[2] ?? ''] ?? m[2] ?? ''
    const written = m[0]
    if (out.some((p) => p.tag === written)) continue
    out.push({
      tag: written,
      message: `「${written}」用的不是花括号，会原样打印出来：标签要用半角花括号，写成「{${mark}${meant}}」`,
      warning: true,
    })
  }
  return out
}

/**
 * When the template's structure is broken docxtemplater stops early: still name the tags
 * (found in the plain text) that this kind does not have at all.
 */
export function unknownNames(kind: DocKind, text: string): TemplateProblem[] {
  const spec = KINDS[kind]
  const known = new Set([
    ...COMMON_TAGS.map((t) => t.tag),
    ...spec.fields.map((t) => t.tag),
    ...spec.loops.flatMap((l) => [l.loop, ...l.fields.map((f) => f.tag)]),
  ])
  const out: TemplateProblem[] = []
  for (const m of text.matchAll(/\{([#^/@]?)([^{}]{1,40})\}/g)) {
    const name = (m[2] ?? '').trim()
    if (!name || known.has(name) || m[1] === '/') continue
    const tag = `{${m[1] ?? ''}${name}}`
    if (out.some((p) => p.tag === tag)) continue
    const full = fullWidthMark(tag)
    out.push({
      tag,
      message:
        full ||
        `「${tag}」不是「${spec.label}」可用的${m[1] ? '循环或条件' : '标签'}${suggestion(kind, name, m[1] ?? '')}`,
    })
  }
  return out
}

/** Checks every tag against what this kind of document provides. */
export function checkTags(kind: DocKind, parts: Part[]): TemplateProblem[] {
  const spec = KINDS[kind]
  const top: TagDef[] = [...COMMON_TAGS, ...spec.fields]
  const loops = spec.loops
  const problems: TemplateProblem[] = []

  const suggest = (name: string, mark = '') => suggestion(kind, name, mark)

  const walk = (list: Part[], stack: LoopDef[]) => {
    const visible = (): TagDef[] => [...stack.flatMap((l) => l.fields).reverse(), ...top]
    for (const part of list) {
      if (part.type !== 'placeholder') continue
      const name = part.value.trim()
      if (part.module === 'rawxml') {
        problems.push({
          tag: `{@${name}}`,
          message: `不支持「{@${name}}」这种原始 XML 标签，请改为「{${name}}」`,
        })
      } else if (part.module === 'loop') {
        const mark = part.inverted ? '^' : '#'
        const loop = loops.find((l) => l.loop === name)
        const field = visible().find((t) => t.tag === name)
        if (loop && !stack.includes(loop)) walk(part.subparsed ?? [], [...stack, loop])
        else if (field) walk(part.subparsed ?? [], stack)
        else {
          problems.push({
            tag: `{${mark}${name}}`,
            message: name
              ? `「{${mark}${name}}」不是「${spec.label}」可用的循环或条件${suggest(name, mark)}`
              : '有空的循环标签「{#}」，请写上循环名称',
          })
          walk(part.subparsed ?? [], stack)
        }
      } else if (!part.module) {
        const field = visible().find((t) => t.tag === name)
        if (field?.condition) {
          problems.push({
            tag: `{${name}}`,
            message: `「{${name}}」（${field.label}）是条件，不能直接打印：请写成「{#${name}}…{/${name}}」`,
          })
        } else if (field) {
          continue
        } else if (loops.some((l) => l.loop === name)) {
          problems.push({
            tag: `{${name}}`,
            message: `「{${name}}」是一组数据，要写成「{#${name}}…{/${name}}」逐项列出`,
          })
        } else {
          // Every loop that offers this field, e.g. {index} in 议题 and 议定事项.
          const owners = loops.filter((l) => l.fields.some((f) => f.tag === name))
          const full = fullWidthMark(`{${name}}`)
          problems.push({
            tag: `{${name}}`,
            message: !name
              ? '有空的标签「{}」，请删除或写上标签名称'
              : full
                ? full
                : owners.length
                  ? `「{${name}}」只能放在循环里：${owners.map((o) => `「{#${o.loop}}」…「{/${o.loop}}」（${o.label}）`).join('、')}之间`
                  : `「{${name}}」不是「${spec.label}」可用的标签${suggest(name)}`,
          })
        }
      }
    }
  }
  walk(parts, [])
  const seen = new Set<string>()
  return problems.filter((p) => (seen.has(p.message) ? false : (seen.add(p.message), true)))
}

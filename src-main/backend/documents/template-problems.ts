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
}

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

/** "；是不是「{title}」？" for a near miss, or how to print a label typed as a tag. */
function suggestion(kind: DocKind, name: string): string {
  const spec = KINDS[kind]
  const everything = [...COMMON_TAGS, ...spec.fields, ...spec.loops.flatMap((l) => l.fields)]
  const byLabel = everything.find((t) => t.label === name)
  if (byLabel) return `；要打印「${name}」，请写成「{${byLabel.tag}}」`
  const names = [...everything.map((t) => t.tag), ...spec.loops.map((l) => l.loop)]
  const lower = name.toLowerCase()
  let close = names.find((n) => n.toLowerCase() === lower)
  if (!close) {
    const scored = names
      .map((n) => ({ n, d: distance(n.toLowerCase(), lower) }))
      .filter((x) => x.d <= (x.n.length >= 5 ? 2 : 1))
      .sort((x, y) => x.d - y.d)
    close = scored[0]?.n
  }
  return close ? `；是不是「{${close}}」？` : ''
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
    out.push({
      tag,
      message: `「${tag}」不是「${spec.label}」可用的${m[1] ? '循环或条件' : '标签'}${suggestion(kind, name)}`,
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

  const suggest = (name: string) => suggestion(kind, name)

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
              ? `「{${mark}${name}}」不是「${spec.label}」可用的循环或条件${suggest(name)}`
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
          const owner = loops.find((l) => l.fields.some((f) => f.tag === name))
          problems.push({
            tag: `{${name}}`,
            message: !name
              ? '有空的标签「{}」，请删除或写上标签名称'
              : owner
                ? `「{${name}}」只能放在「{#${owner.loop}}」和「{/${owner.loop}}」之间`
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

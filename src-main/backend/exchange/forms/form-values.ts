// The value of one form cell for one record: a stored field as the register shows it, or a
// computed one (序号, 年龄 at the form's date, 社区 / 街道 from 社区信息, 是否党员, 性别 from the
// 身份证号). Masking happens here, through maskRecord, so preview and file agree.
import type { FieldDef } from '../../../shared/registers/field-def'
import { displayText } from '../../../shared/registers/display'
import { maskRecord } from '../../../shared/registers/mask-record'
import { BLANK } from './form-labels'

export type FormValue =
  { text: string } | { number: number } | { date: Date; kind: 'date' | 'month' } | null

export interface ValueContext {
  fields: readonly FieldDef[]
  community: string
  street: string
  /** 年龄 is counted at this date: the form's 填报日期 / 截止日期, else today. */
  at: Date
  masked: boolean
}

type Row = Record<string, unknown>

/** 出生 year, month, day from 出生年月 (YYYY-MM) or the 身份证号, whichever the record has. */
function birthOf(row: Row): [number, number, number] | null {
  const month = /^(\d{4})-(\d{2})/.exec(String(row.birth_month ?? ''))
  if (month) return [Number(month[1]), Number(month[2]), 1]
  const id = /^\d{6}(\d{4})(\d{2})(\d{2})\d{3}[\dXx]$/.exec(String(row.id_card ?? ''))
  return id ? [Number(id[1]), Number(id[2]), Number(id[3])] : null
}

export function ageAt(row: Row, at: Date): number | null {
  const b = birthOf(row)
  if (!b) return null
  const [y, m, d] = b
  const before = at.getUTCMonth() + 1 < m || (at.getUTCMonth() + 1 === m && at.getUTCDate() < d)
  const age = at.getUTCFullYear() - y - (before ? 1 : 0)
  return age >= 0 && age < 150 ? age : null
}

function genderFromId(row: Row): string {
  const id = String(row.id_card ?? '')
  if (!/^\d{17}[\dXx]$/.test(id)) return String(row.gender ?? '')
  return Number(id[16]) % 2 === 1 ? '男' : '女'
}

function fieldValue(f: FieldDef, shown: Row): FormValue {
  const raw = shown[f.key]
  if ((f.kind === 'int' || f.kind === 'decimal') && typeof raw === 'number') return { number: raw }
  if (f.kind === 'date' || f.kind === 'month') {
    const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(String(raw ?? ''))
    if (m)
      return {
        date: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? 1))),
        kind: f.kind,
      }
  }
  const text = displayText(f, shown)
  return text === '' ? null : { text }
}

/** One record's values for the given targets (index = 0-based position in the filled list). */
export function recordValues(
  row: Row,
  index: number,
  targets: readonly string[],
  ctx: ValueContext,
): FormValue[] {
  const shown = ctx.masked ? maskRecord(ctx.fields, row) : row
  return targets.map((t): FormValue => {
    if (t === '' || t === BLANK) return null
    if (t === 'calc:seq') return { number: index + 1 }
    if (t === 'calc:age') {
      const age = ageAt(row, ctx.at)
      return age === null ? null : { number: age }
    }
    if (t === 'calc:community') return ctx.community ? { text: ctx.community } : null
    if (t === 'calc:street') return ctx.street ? { text: ctx.street } : null
    if (t === 'calc:is_party') {
      const p = String(row.political_status ?? '')
      return p === '' ? null : { text: p === '中共党员' || p === '中共预备党员' ? '是' : '否' }
    }
    if (t === 'calc:gender') {
      const g = genderFromId(row)
      return g ? { text: g } : null
    }
    const f = ctx.fields.find((x) => x.key === t)
    return f ? fieldValue(f, shown) : null
  })
}

/** How a value reads in the preview table (dates as the register writes them). */
export function previewText(v: FormValue): string {
  if (v === null) return ''
  if ('text' in v) return v.text
  if ('number' in v) return String(v.number)
  const iso = v.date.toISOString()
  return v.kind === 'month' ? iso.slice(0, 7) : iso.slice(0, 10)
}

// Reading an old ledger's layout: where its header row is, which column is which field
// (by label or common synonym), and what makes two rows the same person or unit.
import { AppError } from '../../shared/result'
import { sheetColumns, SYNONYMS } from '../../shared/registers/columns'
import type { RegisterKey } from '../../shared/registers/registers'
import type { SheetRows } from './sheet-reader'

type Row = Record<string, unknown>

/** What makes two rows the same person / unit (DOMAIN.md): 身份证号, else 姓名 + 电话. */
export function identity(key: RegisterKey, v: Row): Record<string, string> | null {
  const s = (k: string) => String(v[k] ?? '')
  if (key === 'talents')
    return s('id_card')
      ? { id_card: s('id_card') }
      : s('name') && s('phone')
        ? { name: s('name'), phone: s('phone') }
        : null
  if (key === 'units') return s('name') ? { name: s('name') } : null
  if (key === 'committee')
    return s('name') && s('phone') ? { name: s('name'), phone: s('phone') } : null
  return s('head_name') && s('phone') ? { head_name: s('head_name'), phone: s('phone') } : null
}

function matches(key: RegisterKey, header: string): string[] {
  const h = header.replace(/\s+/g, '').replace(/[*＊]/g, '')
  const find = (name: string) =>
    sheetColumns(key)
      .filter((c) => c.label === name || (SYNONYMS[c.key] ?? []).includes(name))
      .map((c) => c.key)
  // 「联系电话（手机）」「身份证号(18位)」: a note in brackets after the column name.
  const exact = find(h)
  return exact.length ? exact : find(h.replace(/[（(][^（()）]*[)）]$/, ''))
}

export function findHeader(key: RegisterKey, rows: SheetRows): number {
  let best = -1
  let bestScore = 1
  rows.slice(0, 15).forEach((cells, i) => {
    const score = cells.filter((c) => c.text && matches(key, c.text).length > 0).length
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  })
  if (best < 0) {
    const labels = sheetColumns(key)
      .filter((c) => c.field.required)
      .map((c) => c.label)
    throw new AppError(
      'VALIDATION',
      `在前 15 行里没有找到表头。表头行至少要有两列能认出的列名，例如：${labels.join('、')}`,
    )
  }
  return best
}

export function autoMap(key: RegisterKey, header: string[]): Record<string, string> {
  const used = new Set<string>()
  const mapping: Record<string, string> = {}
  // Exact labels first, then synonyms, so 单位 does not take 所在共建单位's place.
  for (const exact of [true, false]) {
    header.forEach((h, i) => {
      if (mapping[String(i)] !== undefined) return
      const clean = h.replace(/\s+/g, '').replace(/[*＊]/g, '')
      const candidates = exact
        ? sheetColumns(key)
            .filter((c) => c.label === clean)
            .map((c) => c.key)
        : matches(key, h)
      const pick = candidates.find((k) => !used.has(k))
      if (pick) {
        mapping[String(i)] = pick
        used.add(pick)
      }
    })
  }
  return mapping
}

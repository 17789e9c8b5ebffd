// What a street form's column labels can mean: label normalising (full-width, spaces,
// 「（必填）」), the columns we compute rather than store (序号, 年龄, 所在社区 …), and the match of
// one label against a register's fields. Shared by the form reader and the mapping proposal.
import { sheetColumns, SYNONYMS } from '../../../shared/registers/columns'
import type { RegisterKey } from '../../../shared/registers/registers'

/** A computed column: filled from the record and 社区信息, never stored. */
export const COMPUTED = {
  'calc:seq': { label: '序号（自动编号）', names: ['序号', '序', '顺序号', 'no', 'no.', '编号'] },
  'calc:age': { label: '年龄（按出生年月计算）', names: ['年龄', '岁数', '周岁', '年龄岁'] },
  'calc:community': {
    label: '所在社区（社区信息）',
    names: ['所在社区', '社区', '所属社区', '社区名称', '填报社区', '社区居委会'],
  },
  'calc:street': {
    label: '所属街道（社区信息）',
    names: ['所属街道', '街道', '所在街道', '街道名称', '街道乡镇', '街道镇'],
  },
  'calc:is_party': {
    label: '是否党员（按政治面貌）',
    names: ['是否党员', '是否中共党员', '党员', '是否为党员', '党员是否'],
  },
  'calc:gender': { label: '性别（按身份证号）', names: ['性别'] },
} as const
export type ComputedKey = keyof typeof COMPUTED

/** Left empty on purpose: the column stays as the street sent it. */
export const BLANK = 'blank'

export function isComputed(target: string): target is ComputedKey {
  return Object.hasOwn(COMPUTED, target)
}

/**
 * 「联系电话（必填）」「 手 机 号 码 」「身份证号码(18位)」「年龄（岁）」 → the bare label: NFKC turns
 * full-width letters, digits and brackets into half-width; spaces, stars and line breaks go;
 * a trailing note in brackets goes too.
 */
export function normalizeLabel(label: string): string {
  const flat = label
    .normalize('NFKC')
    .replace(/[\s*★☆※]/g, '')
    .replace(/[：:]$/, '')
    .toLowerCase()
  const bare = flat.replace(/\([^()]*\)$/, '')
  return bare === '' ? flat : bare
}

export type Confidence = 'exact' | 'synonym' | 'computed'

/** The best target for one label in a register, or null; exact labels before synonyms. */
export function matchLabel(
  key: RegisterKey,
  label: string,
): { target: string; confidence: Confidence } | null {
  const n = normalizeLabel(label)
  if (n === '') return null
  const columns = sheetColumns(key)
  const exact = columns.find((c) => normalizeLabel(c.label) === n)
  if (exact) return { target: exact.key, confidence: 'exact' }
  const synonym = columns.find((c) => (SYNONYMS[c.key] ?? []).some((s) => normalizeLabel(s) === n))
  if (synonym) return { target: synonym.key, confidence: 'synonym' }
  const hasId = columns.some((c) => c.field.kind === 'idcard')
  const hasBirth = columns.some((c) => c.key === 'birth_month') || hasId
  const hasPolitical = columns.some((c) => c.key === 'political_status')
  for (const [target, c] of Object.entries(COMPUTED) as [
    ComputedKey,
    (typeof COMPUTED)[ComputedKey],
  ][]) {
    if (!(c.names as readonly string[]).includes(n)) continue
    if (target === 'calc:age' && !hasBirth) continue
    if (target === 'calc:is_party' && !hasPolitical) continue
    if (target === 'calc:gender' && !hasId) continue
    return { target, confidence: 'computed' }
  }
  return null
}

/** Every label the reader should take as a header cell, in any register. */
export function looksLikeHeader(label: string, keys: readonly RegisterKey[]): boolean {
  return keys.some((k) => matchLabel(k, label) !== null)
}

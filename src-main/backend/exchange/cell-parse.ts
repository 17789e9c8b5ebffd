// Turns one spreadsheet cell into a register value, understanding what old ledgers contain:
// full-width digits, Excel date serials, 1965.03 / 1965年3月 / 1965-03-12, "是/否", lists split
// by 、 or commas — and refusing ID numbers that Excel has already damaged.
import type { FieldDef } from '../../shared/registers/field-def'
import { restoreCell } from '../../shared/sheet-safety'
import { parseIdCard } from '../../shared/validators/id-card'
import {
  normalizeIdCard,
  normalizePhone,
  parseDateText,
  splitList,
  toHalfWidth,
} from '../../shared/validators/normalize'
import type { Cell } from './sheet-reader'

export type Parsed = { value: unknown } | { issue: string }

/** A cell as quoted in a report: at most `max` characters, then 「…（共 N 字）」. */
export function shortText(text: string, max = 40): string {
  const chars = [...text.slice(0, max * 2 + 2)]
  if (chars.length <= max) return text
  return `${chars.slice(0, max).join('')}…（共 ${text.length} 字）`
}

const ALIASES: Record<string, Record<string, string>> = {
  political_status: {
    党员: '中共党员',
    预备党员: '中共预备党员',
    团员: '共青团员',
    民主人士: '民主党派',
  },
  gender: { 男性: '男', 女性: '女' },
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Excel's day serial (1900 system) → Y-M-D. */
function fromSerial(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86400000)
}

function dateValue(cell: Cell, kind: 'date' | 'month'): string | null {
  const d =
    cell.date ??
    (cell.number !== undefined && cell.number > 1000 && cell.number < 80000
      ? fromSerial(cell.number)
      : undefined)
  if (d) {
    const ymd = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
    return kind === 'month' ? ymd.slice(0, 7) : ymd
  }
  return parseDateText(cell.text, kind)
}

export function parseCell(
  f: FieldDef,
  cell: Cell,
  names: { grid: Map<string, number>; unit: Map<string, number> },
): Parsed {
  const text = restoreCell(cell.text.trim())
  if (f.kind === 'idcard') {
    // A number cell cannot hold 18 digits: Excel has rounded it (…000) or shown 4.40981E+17.
    if (cell.number !== undefined && cell.number >= 1e14) {
      return {
        issue:
          '身份证号被 Excel 存成了数字，末几位已经丢失。请在原表中把该列设为「文本」并重新录入这个号码',
      }
    }
    if (/e\+?\d+$/i.test(text))
      return { issue: '身份证号显示成了科学计数法（如 4.40981E+17），原号码已丢失，请重新录入' }
    const id = normalizeIdCard(text)
    if (/^\d{17}$/.test(id)) return { issue: '身份证号只有 17 位，可能末位 X 丢失了，请核对' }
    // Excel keeps 15 significant digits, so a truncated number ends in 000; a real number may
    // too (1 in ~1,000), and then its check digit tells them apart.
    if (/^\d{15}000$/.test(id) && !parseIdCard(id).ok)
      return { issue: '身份证号末三位是 000，很可能被 Excel 截断过，请核对原件' }
    return { value: id }
  }
  if (text === '') return { value: undefined }
  switch (f.kind) {
    case 'phone':
      return { value: normalizePhone(text) }
    case 'text':
    case 'textarea':
      return { value: text }
    case 'select': {
      const v = toHalfWidth(text).trim()
      return { value: ALIASES[f.key]?.[v] ?? v }
    }
    case 'multi':
    case 'tags':
      return { value: splitList(text) }
    case 'date':
    case 'month': {
      const v = dateValue(cell, f.kind)
      return v
        ? { value: v }
        : {
            issue: `${f.label}「${shortText(text)}」无法识别，请写成 ${f.kind === 'date' ? '2026-03-12' : '1965-03 或 1965年3月'}`,
          }
    }
    case 'int':
    case 'decimal': {
      const n = Number(toHalfWidth(text).replace(/[人户个小时h\s]/g, ''))
      return Number.isFinite(n)
        ? { value: n }
        : { issue: `${f.label}应为数字，现为「${shortText(text)}」` }
    }
    case 'grid':
    case 'unit': {
      const id = (f.kind === 'grid' ? names.grid : names.unit).get(text)
      return id === undefined
        ? {
            issue: `${f.label}「${shortText(text)}」不存在，请先在${f.kind === 'grid' ? '网格管理' : '共建单位'}中添加，或改成已有的名称`,
          }
        : { value: id }
    }
    case 'bool':
      return { value: /^(是|y|yes|1|√|需要|true)$/i.test(text) }
    default:
      return { value: text }
  }
}

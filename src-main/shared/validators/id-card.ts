// 居民身份证号 (GB 11643): 18 characters with a mod-11 check digit and a real birth date.
// 15-digit legacy numbers are upgraded (19 century prefix + computed check digit).

import { normalizeIdCard } from './normalize'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

export type IdCardResult =
  | { ok: true; id: string; gender: '男' | '女'; birth: string; upgraded: boolean }
  | { ok: false; message: string }

export function checkDigit(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS[sum % 11] ?? ''
}

function validDate(y: number, m: number, d: number, today: Date): boolean {
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false
  return date.getTime() <= today.getTime()
}

export function parseIdCard(raw: string, today: Date = new Date()): IdCardResult {
  const id = normalizeIdCard(raw)
  let full = id
  let upgraded = false
  if (/^\d{15}$/.test(id)) {
    const body = id.slice(0, 6) + '19' + id.slice(6)
    full = body + checkDigit(body)
    upgraded = true
  } else if (!/^\d{17}[\dX]$/.test(id)) {
    return {
      ok: false,
      message:
        id.length === 18 || id.length === 15
          ? '身份证号只能由数字组成，最后一位可以是 X'
          : `身份证号应为 18 位（现为 ${id.length} 位）`,
    }
  }
  const y = Number(full.slice(6, 10))
  const m = Number(full.slice(10, 12))
  const d = Number(full.slice(12, 14))
  if (!validDate(y, m, d, today)) return { ok: false, message: '身份证号中的出生日期无效，请核对' }
  if (!upgraded && checkDigit(full.slice(0, 17)) !== full[17]) {
    return {
      ok: false,
      message: '身份证号校验位不正确，请逐位核对（常见原因：抄错一位或末位 X 丢失）',
    }
  }
  const gender = Number(full[16]) % 2 === 1 ? '男' : '女'
  return { ok: true, id: full, gender, birth: `${y}-${full.slice(10, 12)}`, upgraded }
}

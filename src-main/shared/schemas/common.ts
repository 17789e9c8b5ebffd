// Building blocks for the contract's zod schemas, with the Chinese messages users see.
import { z } from 'zod'
import { isPhone, normalizePhone, PHONE_MESSAGE } from '../validators/phone'

import { plainChineseError } from './zod-messages'

// No zod locale at all: every fallback message is ours (zod-messages.ts).
z.config({ localeError: plainChineseError })

export const Empty = z.object({}).strict()

export const Id = z.number({ error: '缺少记录编号' }).int().positive()
export const IdInput = z.object({ id: Id }).strict()

export function requiredText(label: string, max = 100) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字`)
}

export function optionalText(label: string, max = 200) {
  return z.string().trim().max(max, `${label}不能超过 ${max} 个字`).default('')
}

export const optionalPhone = z
  .string()
  .default('')
  .transform(normalizePhone)
  .refine((v) => v === '' || isPhone(v), PHONE_MESSAGE)

// The message names the field she left empty (联系电话, 联络员电话, …).
export function requiredPhone(label = '联系电话') {
  return z
    .string({ error: `请填写${label}` })
    .transform(normalizePhone)
    .refine((v) => v !== '', `请填写${label}`)
    .refine((v) => v === '' || isPhone(v), PHONE_MESSAGE)
}

export const Timestamps = {
  created_at: z.string(),
  updated_at: z.string(),
}

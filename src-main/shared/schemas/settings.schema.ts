import { z } from 'zod'
import { optionalPhone, optionalText, requiredText } from './common'

// 社区信息: one row; documents and exports read it.
export const SettingsInput = z
  .object({
    community_name: requiredText('社区名称', 50),
    street_name: requiredText('所属街道', 50),
    district: optionalText('区县', 50),
    party_org_name: requiredText('社区党组织名称', 80),
    secretary_name: optionalText('党组织书记', 30),
    phone: optionalPhone,
    address: optionalText('地址', 200),
    operator_name: optionalText('操作员', 30),
  })
  .strict()

/** What each 社区信息 key is called on screen (the CLI shows and takes the keys). */
export const SETTINGS_LABELS: Record<keyof z.input<typeof SettingsInput>, string> = {
  community_name: '社区名称',
  street_name: '所属街道',
  district: '区县',
  party_org_name: '社区党组织名称',
  secretary_name: '党组织书记',
  phone: '联系电话',
  address: '地址',
  operator_name: '操作员姓名',
}

/** The same keys, each a plain string. */
function plainStrings<S extends z.ZodRawShape>(shape: S): { [K in keyof S]: z.ZodString } {
  const out: Partial<{ [K in keyof S]: z.ZodString }> = {}
  for (const k in shape) out[k] = z.string()
  return out as { [K in keyof S]: z.ZodString }
}

// What is stored and returned: plain strings (all empty until the first save).
export const Settings = z.object({
  ...plainStrings(SettingsInput.shape),
  configured: z.boolean(),
  updated_at: z.string().nullable(),
})

export type SettingsInput = z.input<typeof SettingsInput>
export type Settings = z.output<typeof Settings>

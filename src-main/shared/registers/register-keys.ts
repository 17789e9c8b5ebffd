// The one list of register names. It imports nothing (no zod, no field definitions), so the
// contract, the CLI and the renderer's first page can all use it cheaply.

/** Every register, 会议 included, in menu order. */
export const REGISTER_KEYS = [
  'talents',
  'units',
  'committee',
  'households',
  'meetings',
  'reported_members',
  'matters',
] as const
export type AnyRegisterKey = (typeof REGISTER_KEYS)[number]

/** The 台账 registers with Excel rosters, import and export (all but 会议). */
export const SHEET_REGISTER_KEYS = [
  'talents',
  'units',
  'committee',
  'households',
  'reported_members',
] as const
export type RegisterKey = (typeof SHEET_REGISTER_KEYS)[number]

export function isRegisterKey(name: unknown): name is RegisterKey {
  return (SHEET_REGISTER_KEYS as readonly unknown[]).includes(name)
}

export function isAnyRegisterKey(name: unknown): name is AnyRegisterKey {
  return (REGISTER_KEYS as readonly unknown[]).includes(name)
}

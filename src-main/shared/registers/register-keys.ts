// The one list of register names. It imports nothing, so the sandboxed preload's channel list
// (which cannot load zod or the field definitions) can use it as well as the contract and CLI.

/** Every register, 会议 included, in menu order. */
export const REGISTER_KEYS = ['talents', 'units', 'committee', 'households', 'meetings'] as const
export type AnyRegisterKey = (typeof REGISTER_KEYS)[number]

/** The four 台账 registers with Excel rosters, import and export (all but 会议). */
export const SHEET_REGISTER_KEYS = ['talents', 'units', 'committee', 'households'] as const
export type RegisterKey = (typeof SHEET_REGISTER_KEYS)[number]

export function isRegisterKey(name: unknown): name is RegisterKey {
  return (SHEET_REGISTER_KEYS as readonly unknown[]).includes(name)
}

export function isAnyRegisterKey(name: unknown): name is AnyRegisterKey {
  return (REGISTER_KEYS as readonly unknown[]).includes(name)
}

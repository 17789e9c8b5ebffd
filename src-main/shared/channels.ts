// Channel names alone, for the sandboxed preload (which cannot load zod). contract.ts checks
// at compile time that this list and the contract table name exactly the same channels.
export const CHANNEL_NAMES = [
  'app:info',
  'app:check',
  'settings:get',
  'settings:save',
  'grids:list',
  'grids:create',
  'grids:update',
  'grids:delete',
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name)
}

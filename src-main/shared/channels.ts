// Channel names alone, for the sandboxed preload (which cannot load zod). contract.ts checks
// at compile time that this list and the contract table name exactly the same channels.
import type { AnyRegisterKey } from './registers/register-keys'

const REGISTER_OPS = [
  'list',
  'get',
  'create',
  'update',
  'delete',
  'restore',
  'purge',
  'history',
] as const
const CHILD_OPS = ['list', 'create', 'update', 'delete'] as const

type RegisterName = AnyRegisterKey
type ChildName =
  | 'talent_services'
  | 'unit_list_items'
  | 'committee_reviews'
  | 'household_links'
  | 'household_visits'
  | 'meeting_attendees'
  | 'meeting_topics'
  | 'meeting_resolutions'

function registerNames<K extends RegisterName>(key: K) {
  return REGISTER_OPS.map((op) => `${key}:${op}` as const)
}
function childNames<K extends ChildName>(key: K) {
  return CHILD_OPS.map((op) => `${key}:${op}` as const)
}

// Backups, restore, data packages (数据与备份).
const SAFETY_CHANNELS = [
  'safety:status',
  'safety:health',
  'safety:list',
  'safety:backup',
  'safety:verify',
  'safety:inspect',
  'safety:restore',
  'safety:delete',
  'safety:set-folder',
  'safety:package-export',
  'safety:download',
  'safety:upload',
  'safety:package-preview',
  'safety:package-import',
  'safety:retention',
  'safety:set-retention',
] as const

export const CHANNEL_NAMES = [
  'app:info',
  'app:check',
  'app:pick-folder',
  'app:diagnostics',
  'app:demo',
  'dashboard:summary',
  'settings:get',
  'settings:save',
  'grids:list',
  'grids:create',
  'grids:update',
  'grids:usage',
  'grids:delete',
  'units:options',
  'registers:duplicates',
  'committee:attendance',
  'exchange:columns',
  'exchange:export',
  'exchange:presets',
  'exchange:preset-save',
  'exchange:preset-delete',
  'exchange:template',
  'exchange:preview',
  'exchange:import',
  'jobs:progress',
  // documents (templates, generating, the generated list)
  'documents:info',
  'documents:templates',
  'documents:template-import',
  'documents:template-default',
  'documents:template-delete',
  'documents:template-copy',
  'documents:template-download',
  'documents:template-open',
  'documents:meetings',
  'documents:generate',
  'documents:generated',
  'documents:open',
  'documents:pdf',
  ...SAFETY_CHANNELS,
  ...registerNames('talents'),
  ...registerNames('units'),
  ...registerNames('committee'),
  ...registerNames('households'),
  ...childNames('talent_services'),
  ...childNames('unit_list_items'),
  ...childNames('committee_reviews'),
  ...childNames('household_links'),
  ...childNames('household_visits'),
  // 会议 and its 参会人员 / 议题 / 议定事项
  ...registerNames('meetings'),
  ...childNames('meeting_attendees'),
  ...childNames('meeting_topics'),
  ...childNames('meeting_resolutions'),
  'meetings:next-seq',
  'meetings:years',
  'meetings:attendee-options',
  'meeting_attendees:pick',
  'meeting_attendees:move',
  'meeting_topics:move',
  'meeting_resolutions:move',
  'meeting_resolutions:overview',
] as const

export type ChannelName = (typeof CHANNEL_NAMES)[number]

export function isChannel(name: unknown): name is ChannelName {
  return typeof name === 'string' && (CHANNEL_NAMES as readonly string[]).includes(name)
}

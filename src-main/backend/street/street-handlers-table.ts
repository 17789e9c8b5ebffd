// 街道 mode's channels mapped to their handlers (spread into backend/handlers.ts).
import { streetExport } from './street-export'
import { streetImport } from './street-import'
import {
  streetCommunityAdd,
  streetCompare,
  streetDuplicates,
  streetList,
  streetSettings,
  streetSettingsSave,
  streetStats,
  streetStatus,
  streetSubmissions,
} from './street.handlers'

export const streetHandlers = {
  'street:settings': streetSettings,
  'street:settings-save': streetSettingsSave,
  'street:community-add': streetCommunityAdd,
  'street:import': streetImport,
  'street:status': streetStatus,
  'street:submissions': streetSubmissions,
  'street:compare': streetCompare,
  'street:list': streetList,
  'street:duplicates': streetDuplicates,
  'street:stats': streetStats,
  'street:export': streetExport,
}

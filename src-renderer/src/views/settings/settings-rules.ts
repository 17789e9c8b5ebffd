import { SettingsInput } from '@shared/schemas/settings.schema'
import { rulesFrom } from '../../utils/zod-rules'

export const settingsRules = rulesFrom(SettingsInput, [
  'community_name',
  'street_name',
  'party_org_name',
])

import { requiredText } from '@shared/schemas/common'
import { SettingsInput } from '@shared/schemas/settings.schema'
import { rulesFrom, zodRule } from '../../utils/zod-rules'

export const settingsRules = rulesFrom(SettingsInput, [
  'community_name',
  'street_name',
  'party_org_name',
])

/**
 * 街道 mode: the office is the street itself, so no 社区名称 is asked (it is saved as the
 * street's name); 所属街道 reads 街道名称 and the party organisation is the 街道党工委.
 */
export const streetSettingsRules = {
  ...settingsRules,
  community_name: [],
  street_name: [zodRule(requiredText('街道名称', 50), true)],
  party_org_name: [zodRule(requiredText('街道党工委名称', 80), true)],
}

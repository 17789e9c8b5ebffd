import type { Output, ParsedInput } from '../../shared/contract'
import { nowStamp } from '../../shared/dates'
import type { AppContext } from '../app/context'
import { writeAudit } from '../audit/audit.repo'
import { readSettings, upsertSettings, type SettingsRow } from './settings.repo'

function toOutput(row: SettingsRow | undefined): Output<'settings:get'> {
  if (!row) {
    return {
      community_name: '',
      street_name: '',
      district: '',
      party_org_name: '',
      secretary_name: '',
      phone: '',
      address: '',
      operator_name: '',
      configured: false,
      updated_at: null,
    }
  }
  const { created_at: _created, ...rest } = row
  return { ...rest, configured: true }
}

export function getSettings(
  _input: ParsedInput<'settings:get'>,
  ctx: AppContext,
): Output<'settings:get'> {
  return toOutput(readSettings(ctx.db))
}

export function saveSettings(
  input: ParsedInput<'settings:save'>,
  ctx: AppContext,
): Output<'settings:save'> {
  const save = ctx.db.transaction(() => {
    const before = readSettings(ctx.db)
    upsertSettings(ctx.db, input, nowStamp())
    const after = readSettings(ctx.db)
    writeAudit(ctx.db, {
      operator: ctx.operator(),
      table: 'settings',
      rowId: 1,
      action: before ? 'update' : 'create',
      before,
      after,
    })
    return after
  })
  return toOutput(save())
}

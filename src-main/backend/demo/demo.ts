// A believable, entirely made-up community for trying the app and for screenshots. It is
// written through the backend's own handlers, so validation, search and history apply.
import { AppError } from '../../shared/result'
import type { Output } from '../../shared/contract'
import { GridInput } from '../../shared/schemas/grids.schema'
import { SettingsInput } from '../../shared/schemas/settings.schema'
import type { AppContext } from '../app/context'
import { isEmptyDatabase } from '../app/app.repo'
import { gridsCreate } from '../grids/grids.handlers'
import { getSettings, saveSettings } from '../settings/settings.handlers'
import { demoMaker, GRIDS, seeded } from './demo-helpers'
import { fillDemoMatters } from './demo-matters'
import { fillDemoMeetings } from './demo-meetings'
import { fillHouseholds, fillTalents } from './demo-people'
import { fillCommittee, fillUnits } from './demo-units'
import { fillReported } from './demo-reported'

export function fillDemo(ctx: AppContext): Output<'app:demo'> {
  if (!isEmptyDatabase(ctx.db)) {
    throw new AppError(
      'CONFLICT',
      '数据库里已经有数据，演示数据只能写入空的数据库。请换一个空的数据文件夹（--data-dir）。',
    )
  }
  const m = demoMaker(seeded(20261122))
  return ctx.db.transaction(() => {
    if (!getSettings({}, ctx).configured) {
      saveSettings(
        SettingsInput.parse({
          community_name: '锦华社区',
          street_name: '青云街道',
          district: '盘龙区',
          party_org_name: '中共锦华社区委员会',
          secretary_name: '周丽华',
          phone: '0871-65123456',
          address: '青云街道锦华路 88 号',
        }),
        ctx,
      )
    }
    const grids = GRIDS.map(
      ([name, code, leader, tel]) =>
        gridsCreate(GridInput.parse({ name, code, leader, phone: tel }), ctx).id,
    )

    // Always in this order: they draw from one seeded source, so the demo stays the same.
    const talentCount = fillTalents(ctx, m, grids)
    const unitIds = fillUnits(ctx, m)
    const committeeCount = fillCommittee(ctx, m, unitIds, grids)
    const householdCount = fillHouseholds(ctx, m, grids)
    const meetingCount = fillDemoMeetings(ctx)
    const matterCount = fillDemoMatters(ctx, m, grids)
    const reportedCount = fillReported(ctx, m, unitIds, grids)
    return {
      grids: grids.length,
      talents: talentCount,
      units: unitIds.length,
      committee: committeeCount,
      households: householdCount,
      meetings: meetingCount,
      reported_members: reportedCount,
      matters: matterCount,
    }
  })()
}

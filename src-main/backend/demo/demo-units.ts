// The demo community's member units with their 三项清单 items, and the 14 兼职委员 those units
// sent (two of them with a term about to end). Written through the handlers.
import dayjs from 'dayjs'
import * as D from '../../shared/dictionaries'
import {
  CommitteeInput,
  CommitteeReviewInput,
  UnitInput,
  UnitListItemInput,
} from '../../shared/schemas/registers.schema'
import type { AppContext } from '../app/context'
import { committee, committeeReviews } from '../committee/committee.handlers'
import { unitListItems, units } from '../units/units.handlers'
import * as W from './demo-data'
import { postAt, type DemoMaker } from './demo-helpers'

/** The units and their list items; returns the units' ids in the order of W.UNITS. */
export function fillUnits(ctx: AppContext, m: DemoMaker): number[] {
  const { r, phone, date, person } = m
  const unitIds = W.UNITS.map(([name, nature, orgType], i) => {
    // A unit without its own party organisation still has a couple of members; the
    // reported in-service members are always some of them (UnitInput refuses more).
    const members = orgType === '未建' ? 2 : r.int(3, 150)
    return Number(
      units.create(
        UnitInput.parse({
          name,
          nature,
          org_type: orgType,
          org_name:
            orgType === '未建'
              ? ''
              : `中共${name}${orgType === '党委' ? '委员会' : orgType === '党总支' ? '总支部委员会' : '支部委员会'}`,
          org_secretary: person(r.next() < 0.5),
          member_count: members,
          reported_count: Math.floor(members * r.next() * 0.8),
          liaison: person(r.next() < 0.5),
          liaison_phone: phone(),
          address: `青云街道${r.pick(['锦华路', '青云路', '金桂街', '沿河路'])} ${r.int(1, 300)} 号`,
          joined_on: date('2021-01-01', '2025-06-01'),
          agreement_on: date('2021-01-01', '2025-06-01'),
          agreement_term: '3 年',
          status: i > 25 ? '已退出' : '共建中',
        }),
        ctx,
      ).id,
    )
  })
  unitIds.forEach((unitId) => {
    for (let k = r.int(1, 4); k > 0; k--) {
      const [listType, title, category] = r.pick(W.LIST_ITEMS)
      const status = r.pick(D.LIST_STATUS)
      unitListItems.create(
        {
          parentId: unitId,
          data: UnitListItemInput.parse({
            list_type: listType,
            title,
            category,
            status,
            provider: listType === '需求' ? '居民议事会' : '',
            claimed_by_unit_id:
              status === '待认领' ? null : r.pick(unitIds.filter((u) => u !== unitId)),
            deadline: date('2026-06-01', '2027-06-30'),
          }),
        },
        ctx,
      )
    }
  })
  return unitIds
}

export function fillCommittee(
  ctx: AppContext,
  m: DemoMaker,
  unitIds: number[],
  grids: number[],
): number {
  const { r, phone, person } = m
  const today = dayjs()
  for (let i = 0; i < 14; i++) {
    const male = r.next() < 0.6
    const start =
      i < 2
        ? today.subtract(3, 'year').add(20 + i * 15, 'day')
        : i === 2
          ? today.subtract(3, 'year').subtract(30, 'day')
          : dayjs('2024-01-01').add(r.int(0, 300), 'day')
    const m = committee.create(
      CommitteeInput.parse({
        name: person(male),
        gender: male ? '男' : '女',
        phone: phone(),
        unit_id: unitIds[i],
        party_post: r.pick(['党委书记', '党支部书记', '党总支书记', '党支部副书记']),
        unit_post: postAt(W.UNITS[i]?.[0] ?? ''),
        level: i < 2 ? '街道大工委' : '社区大党委',
        category: r.pick(D.COMMITTEE_CATEGORY),
        method: r.pick(D.APPOINT_METHOD),
        recommended_on: start.subtract(40, 'day').format('YYYY-MM-DD'),
        approved_on: start.subtract(10, 'day').format('YYYY-MM-DD'),
        approval_no: `青云党工委〔${start.year()}〕${r.int(3, 40)}号`,
        appointed_on: start.format('YYYY-MM-DD'),
        term_start: start.format('YYYY-MM-DD'),
        term_end: start.add(3, 'year').subtract(1, 'day').format('YYYY-MM-DD'),
        duty_domain: r.pick(D.PARTICIPATION_AREA),
        duty_grid_id: r.pick(grids),
        duty_project: r.pick(W.LIST_ITEMS)[1],
        status: '在任',
      }),
      ctx,
    )
    for (const year of r.some([2024, 2025, 2026], 1, 3)) {
      committeeReviews.create(
        {
          parentId: Number(m.id),
          data: CommitteeReviewInput.parse({
            year,
            pledge: r.pick(W.REVIEWS),
            report_date: `${year}-12-${r.int(10, 28)}`,
            report_summary: '履行兼职委员职责，参加联席会议，协调本单位资源服务社区。',
            rating: r.pick(['优秀', '称职', '称职']),
            score: r.int(80, 98),
          }),
        },
        ctx,
      )
    }
  }
  return 14
}

// Builds a city-scale community through the backend's own handlers (validation, search
// index, audit log): talents, units with their lists, committee members, households with
// their linked households. Seeded, so every run measures the same data.
import type { AppContext } from '../src-main/backend/app/context'
import { committee } from '../src-main/backend/committee/committee.handlers'
import * as W from '../src-main/backend/demo/demo-data'
import { gridsCreate } from '../src-main/backend/grids/grids.handlers'
import { householdLinks, households } from '../src-main/backend/households/households.handlers'
import {
  meetingAttendees,
  meetingResolutions,
  meetings,
  meetingTopics,
} from '../src-main/backend/meetings/meetings.handlers'
import { saveSettings } from '../src-main/backend/settings/settings.handlers'
import { talents } from '../src-main/backend/talents/talents.handlers'
import { unitListItems, units } from '../src-main/backend/units/units.handlers'
import * as D from '../src-main/shared/dictionaries'
import {
  CommitteeInput,
  HouseholdInput,
  HouseholdLinkInput,
  TalentInput,
  UnitInput,
  UnitListItemInput,
} from '../src-main/shared/schemas/registers.schema'
import { SettingsInput } from '../src-main/shared/schemas/settings.schema'
import {
  AttendeeInput,
  MeetingInput,
  ResolutionInput,
  TopicInput,
} from '../src-main/shared/schemas/meetings.schema'
import { GridInput } from '../src-main/shared/schemas/grids.schema'

export interface Scale {
  talents: number
  units: number
  committee: number
  households: number
  linksPerHousehold: number
  grids: number
  meetings: number
}

export const CITY: Scale = {
  talents: 100_000,
  units: 10_000,
  committee: 10_000,
  households: 100_000,
  linksPerHousehold: 2,
  grids: 60,
  meetings: 2_000,
}

export function scaled(s: Scale, by: number): Scale {
  return {
    talents: Math.round(s.talents / by),
    units: Math.round(s.units / by),
    committee: Math.round(s.committee / by),
    households: Math.round(s.households / by),
    linksPerHousehold: s.linksPerHousehold,
    grids: Math.max(6, Math.round(s.grids / by)),
    meetings: Math.round(s.meetings / by),
  }
}

export function rng(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1))
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T
  return { next, int, pick }
}

const r = rng(20261124)
const chars = (s: string) => [...s]
const SURNAMES = chars(W.SURNAMES)
const GIVEN = [...chars(W.GIVEN_M), ...chars(W.GIVEN_F)]
export const personName = () =>
  r.pick(SURNAMES) + r.pick(GIVEN) + (r.next() < 0.7 ? r.pick(GIVEN) : '')
const phone = () =>
  `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`
const CATEGORIES = Object.keys(W.SKILLS)

/** One talent's form values, as the contract's input schema produces them. */
export function talentValues(grids: number[]): Record<string, unknown> {
  const cat = r.pick(CATEGORIES)
  return TalentInput.parse({
    name: personName(),
    phone: phone(),
    gender: r.pick(['男', '女']),
    political_status: r.pick(D.POLITICAL_STATUS),
    work_status: r.pick(D.WORK_STATUS),
    employer: r.pick(W.EMPLOYERS),
    occupation: r.pick(W.OCCUPATIONS),
    categories: [cat],
    skills: [r.pick(W.SKILLS[cat] ?? ['理发'])],
    grid_id: r.pick(grids),
    estate: r.pick(W.ESTATES),
    building: `${r.int(1, 30)}栋`,
    status: '在册',
    joined_on: `202${r.int(0, 5)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
  }) as Record<string, unknown>
}

function inBatches(ctx: AppContext, n: number, batch: number, one: (i: number) => void): void {
  for (let start = 0; start < n; start += batch) {
    ctx.db.transaction(() => {
      for (let i = start; i < Math.min(n, start + batch); i++) one(i)
    })()
  }
}

export function buildCity(ctx: AppContext, s: Scale, log: (line: string) => void): void {
  saveSettings(
    SettingsInput.parse({
      community_name: '锦华社区',
      street_name: '青云街道',
      party_org_name: '中共锦华社区委员会',
    }),
    ctx,
  )
  const grids = Array.from(
    { length: s.grids },
    (_, i) => gridsCreate(GridInput.parse({ name: `第${i + 1}网格` }), ctx).id,
  )
  let t = Date.now()
  inBatches(ctx, s.talents, 2000, () => talents.create(talentValues(grids), ctx))
  log(`  社区能人 ${s.talents} 人：${((Date.now() - t) / 1000).toFixed(1)} s`)
  t = Date.now()
  const unitIds: number[] = []
  inBatches(ctx, s.units, 1000, (i) => {
    const [base, nature, orgType] = r.pick(W.UNITS)
    const u = units.create(
      UnitInput.parse({
        name: `${base}${i + 1}号`,
        nature,
        org_type: orgType,
        liaison: personName(),
        liaison_phone: phone(),
        status: '共建中',
      }),
      ctx,
    )
    unitIds.push(Number(u.id))
    unitListItems.create(
      {
        parentId: Number(u.id),
        data: UnitListItemInput.parse({
          list_type: r.pick(['资源', '需求', '项目']),
          title: r.pick(W.LIST_ITEMS)[1],
          status: '待认领',
        }),
      },
      ctx,
    )
  })
  log(`  共建单位 ${s.units} 家（含清单）：${((Date.now() - t) / 1000).toFixed(1)} s`)
  t = Date.now()
  inBatches(ctx, s.committee, 1000, () =>
    committee.create(
      CommitteeInput.parse({
        name: personName(),
        phone: phone(),
        unit_id: r.pick(unitIds),
        level: '社区大党委',
        term_start: '2024-01-01',
        term_end: `202${r.int(6, 8)}-12-31`,
        status: '在任',
      }),
      ctx,
    ),
  )
  log(`  兼职委员 ${s.committee} 人：${((Date.now() - t) / 1000).toFixed(1)} s`)
  t = Date.now()
  inBatches(ctx, s.households, 1000, () => {
    const h = households.create(
      HouseholdInput.parse({
        head_name: personName(),
        phone: phone(),
        grid_id: r.pick(grids),
        estate: r.pick(W.ESTATES),
        building: `${r.int(1, 40)}栋`,
        status: '正常',
      }),
      ctx,
    )
    for (let k = 0; k < s.linksPerHousehold; k++)
      householdLinks.create(
        { parentId: Number(h.id), data: HouseholdLinkInput.parse({ head_name: personName() }) },
        ctx,
      )
  })
  log(
    `  党员中心户 ${s.households} 户（每户 ${s.linksPerHousehold} 个联系户）：${((Date.now() - t) / 1000).toFixed(1)} s`,
  )
  t = Date.now()
  buildMeetings(ctx, s.meetings, unitIds)
  log(
    `  会议 ${s.meetings} 次（每次 8 人、3 个议题、3 个议定事项）：${((Date.now() - t) / 1000).toFixed(1)} s`,
  )
}

function buildMeetings(ctx: AppContext, n: number, unitIds: number[]): void {
  inBatches(ctx, n, 200, (i) => {
    const year = 2020 + (i % 7)
    const m = meetings.create(
      MeetingInput.parse({
        meeting_type: '党建联席会议',
        seq_no: Math.floor(i / 7) + 1,
        title: `锦华社区${year}年第${Math.floor(i / 7) + 1}次党建联席会议`,
        meeting_date: `${year}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
        location: '社区党群服务中心二楼会议室',
        host: personName(),
        summary: '会议通报了上一阶段共建项目进展，研究部署下一阶段工作。',
      }),
      ctx,
    )
    const parentId = Number(m.id)
    for (let k = 0; k < 8; k++)
      meetingAttendees.create(
        {
          parentId,
          data: AttendeeInput.parse({
            name: personName(),
            unit_name: '某单位',
            attendance: '出席',
          }),
        },
        ctx,
      )
    for (let k = 0; k < 3; k++) {
      meetingTopics.create({ parentId, data: TopicInput.parse({ title: `议题${k + 1}` }) }, ctx)
      meetingResolutions.create(
        {
          parentId,
          data: ResolutionInput.parse({
            content: r.pick(W.LIST_ITEMS)[1],
            lead_unit_id: unitIds.length ? r.pick(unitIds) : null,
            lead_unit_name: '某单位',
            deadline: `${year + 1}-06-30`,
            status: r.pick(['未开始', '推进中', '已完成']),
          }),
        },
        ctx,
      )
    }
  })
}

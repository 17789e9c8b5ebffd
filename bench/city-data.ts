// Builds a city-scale community through the backend's own handlers (validation, search
// index, audit log): talents, units with their lists, committee members, households with
// their linked households. Seeded, so every run measures the same data.
import type { AppContext } from '../src-main/backend/app/context'
import { committee } from '../src-main/backend/committee/committee.handlers'
import * as W from '../src-main/backend/demo/demo-data'
import { gridsCreate } from '../src-main/backend/grids/grids.handlers'
import { householdLinks, households } from '../src-main/backend/households/households.handlers'
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
import { GridInput } from '../src-main/shared/schemas/grids.schema'

export interface Scale {
  talents: number
  units: number
  committee: number
  households: number
  linksPerHousehold: number
  grids: number
}

export const CITY: Scale = {
  talents: 100_000,
  units: 10_000,
  committee: 10_000,
  households: 100_000,
  linksPerHousehold: 2,
  grids: 60,
}

export function scaled(s: Scale, by: number): Scale {
  return {
    talents: Math.round(s.talents / by),
    units: Math.round(s.units / by),
    committee: Math.round(s.committee / by),
    households: Math.round(s.households / by),
    linksPerHousehold: s.linksPerHousehold,
    grids: Math.max(6, Math.round(s.grids / by)),
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
}

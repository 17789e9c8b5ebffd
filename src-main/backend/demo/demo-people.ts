// The demo community's people: 300 社区能人 with their service records, and 40 党员中心户 with
// the households they keep in touch with and their visits. Written through the handlers.
import dayjs from 'dayjs'
import * as D from '../../shared/dictionaries'
import {
  HouseholdInput,
  HouseholdLinkInput,
  HouseholdVisitInput,
  TalentInput,
  TalentServiceInput,
} from '../../shared/schemas/registers.schema'
import { checkDigit } from '../../shared/validators/id-card'
import type { AppContext } from '../app/context'
import { householdLinks, households, householdVisits } from '../households/households.handlers'
import { talents, talentServices } from '../talents/talents.handlers'
import * as W from './demo-data'
import type { DemoMaker } from './demo-helpers'

export function fillTalents(ctx: AppContext, m: DemoMaker, grids: number[]): number {
  const { r, phone, date, person } = m
  const usedIds = new Set<string>()
  for (let i = 0; i < 300; i++) {
    const male = r.next() < 0.5
    const birth = dayjs('1945-01-01').add(r.int(0, 55 * 365), 'day')
    const g = r.int(0, grids.length - 1)
    const cats = r.some(
      D.TALENT_CATEGORY.filter((c) => c !== '其他'),
      1,
      2,
    )
    let idCard = ''
    if (r.next() < 0.4) {
      const body = `${r.pick(['530102', '530103', '530111', '530112'])}${birth.format('YYYYMMDD')}${String(r.int(10, 99))}${male ? r.pick([1, 3, 5, 7, 9]) : r.pick([0, 2, 4, 6, 8])}`
      idCard = body + checkDigit(body)
      if (usedIds.has(idCard)) idCard = ''
      usedIds.add(idCard)
    }
    const retired = birth.year() < 1966
    const t = talents.create(
      TalentInput.parse({
        name: person(male),
        id_card: idCard,
        gender: male ? '男' : '女',
        birth_month: birth.format('YYYY-MM'),
        ethnicity: r.next() < 0.85 ? '汉族' : r.pick(['彝族', '白族', '回族', '哈尼族', '傣族']),
        phone: phone(),
        political_status: r.pick([
          '中共党员',
          '中共党员',
          '群众',
          '群众',
          '群众',
          '共青团员',
          '民主党派',
        ]),
        education: r.pick(D.EDUCATION),
        work_status: retired ? '退休' : r.pick(['在职', '在职', '自由职业', '其他']),
        employer: r.pick(W.EMPLOYERS),
        occupation: r.pick(W.OCCUPATIONS),
        categories: cats,
        skills: cats.flatMap((c) => r.some(W.SKILLS[c] ?? [], 1, 2)),
        domains: r.some(D.PARTICIPATION_AREA, 1, 2),
        availability: r.pick(W.AVAILABILITY),
        grid_id: grids[g],
        estate: W.ESTATES[g],
        building: `${r.int(1, 18)}栋`,
        unit_no: `${r.int(1, 4)}单元`,
        room: `${r.int(1, 18)}0${r.int(1, 4)}`,
        hukou: r.next() < 0.3 ? '外地' : '本地',
        discovery: r.pick(D.DISCOVERY),
        status: r.next() < 0.9 ? '在册' : r.pick(['暂停', '退出']),
        joined_on: date('2023-01-01', '2026-11-01'),
      }),
      ctx,
    )
    if (r.next() < 0.33) {
      for (let k = r.int(1, 4); k > 0; k--) {
        const c = r.pick(cats)
        talentServices.create(
          {
            parentId: Number(t.id),
            data: TalentServiceInput.parse({
              service_date: date('2024-01-01', '2026-11-20'),
              item: r.pick(W.SERVICES[c] ?? ['志愿服务']),
              category: c,
              hours: r.int(1, 8),
              beneficiaries: `${r.int(1, 30)} 人`,
            }),
          },
          ctx,
        )
      }
    }
  }
  return 300
}

export function fillHouseholds(ctx: AppContext, m: DemoMaker, grids: number[]): number {
  const { r, phone, date, person } = m
  for (let i = 0; i < 40; i++) {
    const g = i % grids.length
    const h = households.create(
      HouseholdInput.parse({
        head_name: person(r.next() < 0.5),
        gender: r.pick(D.GENDER),
        phone: phone(),
        branch: `第${'一二三四五六'[g]}网格党支部`,
        grid_id: grids[g],
        estate: W.ESTATES[g],
        building: `${r.int(1, 18)}栋`,
        unit_no: `${r.int(1, 4)}单元`,
        room: `${r.int(1, 18)}0${r.int(1, 4)}`,
        plaque_on: date('2022-07-01', '2026-07-01'),
        contact_members: [person(true), person(false)],
        status: r.next() < 0.92 ? '正常' : '调整',
      }),
      ctx,
    )
    const linkNames: string[] = []
    for (let k = r.int(3, 10); k > 0; k--) {
      const name = person(r.next() < 0.5)
      linkNames.push(name)
      householdLinks.create(
        {
          parentId: Number(h.id),
          data: HouseholdLinkInput.parse({
            head_name: name,
            address: `${String(h.building)}${r.int(1, 4)}单元${r.int(1, 18)}0${r.int(1, 4)}`,
            phone: phone(),
            people: r.int(1, 6),
          }),
        },
        ctx,
      )
    }
    for (let k = r.int(0, 4); k > 0; k--) {
      householdVisits.create(
        {
          parentId: Number(h.id),
          data: HouseholdVisitInput.parse({
            visit_date: date('2025-01-01', '2026-11-20'),
            link_name: r.pick(linkNames),
            item: r.pick([
              '反映楼道灯不亮',
              '了解独居老人身体情况',
              '宣传垃圾分类',
              '协调漏水维修',
              '转达停车难问题',
            ]),
            result: r.pick(['已联系物业处理', '已上报社区', '已解决', '持续关注']),
            follow_up: r.next() < 0.3,
          }),
        },
        ctx,
      )
    }
  }
  return 40
}

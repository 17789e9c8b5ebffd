// A believable, entirely made-up community for trying the app and for screenshots. It is
// written through the backend's own handlers, so validation, search and history apply.
import dayjs from 'dayjs'
import { AppError } from '../../shared/result'
import { checkDigit } from '../../shared/validators/id-card'
import * as D from '../../shared/dictionaries'
import { GridInput } from '../../shared/schemas/grids.schema'
import {
  CommitteeInput,
  CommitteeReviewInput,
  HouseholdInput,
  HouseholdLinkInput,
  HouseholdVisitInput,
  TalentInput,
  TalentServiceInput,
  UnitInput,
  UnitListItemInput,
} from '../../shared/schemas/registers.schema'
import { SettingsInput } from '../../shared/schemas/settings.schema'
import type { AppContext } from '../app/context'
import { isEmptyDatabase } from '../app/app.repo'
import { committee, committeeReviews } from '../committee/committee.handlers'
import { gridsCreate } from '../grids/grids.handlers'
import { householdLinks, households, householdVisits } from '../households/households.handlers'
import { getSettings, saveSettings } from '../settings/settings.handlers'
import { talents, talentServices } from '../talents/talents.handlers'
import { unitListItems, units } from '../units/units.handlers'
import * as W from './demo-data'
import { GRIDS, postAt, seeded } from './demo-helpers'
import { fillDemoMeetings } from './demo-meetings'

export interface DemoSummary {
  grids: number
  talents: number
  units: number
  committee: number
  households: number
  meetings: number
}

export function fillDemo(ctx: AppContext): DemoSummary {
  if (!isEmptyDatabase(ctx.db)) {
    throw new AppError(
      'CONFLICT',
      '数据库里已经有数据，演示数据只能写入空的数据库。请换一个空的数据文件夹（--data-dir）。',
    )
  }
  const r = seeded(20261122)
  const phone = () =>
    `1${r.pick(['3', '5', '7', '8', '9'])}${String(r.int(0, 999999999)).padStart(9, '0')}`
  const date = (from: string, to: string) =>
    dayjs(from)
      .add(r.int(0, dayjs(to).diff(from, 'day')), 'day')
      .format('YYYY-MM-DD')
  const person = (male: boolean) =>
    r.pick(W.SURNAMES.split('')) +
    (male ? r.pick(W.GIVEN_M.split('')) : r.pick(W.GIVEN_F.split(''))) +
    (r.next() < 0.6 ? (male ? r.pick(W.GIVEN_M.split('')) : r.pick(W.GIVEN_F.split(''))) : '')
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
    const meetingCount = fillDemoMeetings(ctx)
    return {
      grids: grids.length,
      talents: 300,
      units: unitIds.length,
      committee: 14,
      households: 40,
      meetings: meetingCount,
    }
  })()
}

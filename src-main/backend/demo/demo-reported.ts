// The demo community's 在职党员双报到: members from its 共建单位 (so those units' 报到人数
// are counted from the register) and from employers that are not, a few 已返回, each with
// some 服务记录. Written through the handlers, after everything else (one seeded source).
import * as D from '../../shared/dictionaries'
import { ReportedMemberInput, ReportedServiceInput } from '../../shared/schemas/registers.schema'
import type { AppContext } from '../app/context'
import { reportedMembers, reportedServices } from '../reported/reported.handlers'
import { units } from '../units/units.handlers'
import * as W from './demo-data'
import type { DemoMaker } from './demo-helpers'

const OTHER_EMPLOYERS = ['盘龙区教育体育局', '市自然资源和规划局', '市中级人民法院', '省农业科学院']
const INTENTS = ['楼栋长', '政策宣讲', '文明劝导', '助老服务', '环境整治', '矛盾调解', '课业辅导']
const SERVICES = [
  '参加「双报到」楼道清洁日',
  '为独居老人上门送餐',
  '参与背街小巷环境整治',
  '在社区开展政策宣讲',
  '协助调解邻里停车纠纷',
  '周末为社区青少年辅导功课',
]

export function fillReported(ctx: AppContext, m: DemoMaker, unitIds: number[], grids: number[]) {
  const { r, phone, date, person } = m
  // Units still 共建中 with room for members, so the counted numbers stay within 党员人数.
  const open = unitIds
    .map((id) => units.get({ id }, ctx))
    .filter((u) => u.status === '共建中' && (u.member_count ?? 0) >= 8)
    .slice(0, 8)
  let count = 0
  for (let i = 0; i < 22; i++) {
    const unit = i < 16 ? open[i % open.length] : undefined
    const grid = r.int(0, grids.length - 1)
    const back = i % 7 === 3
    const reportedOn = date('2023-03-01', '2026-06-30')
    const skillCat = r.pick(Object.keys(W.SKILLS))
    const male = r.next() < 0.5
    const row = reportedMembers.create(
      ReportedMemberInput.parse({
        name: person(male),
        gender: male ? '男' : '女',
        phone: phone(),
        unit_id: unit?.id ?? null,
        employer: unit ? '' : r.pick(OTHER_EMPLOYERS),
        org_name: unit?.org_name ?? '',
        reported_on: reportedOn,
        grid_id: grids[grid] ?? null,
        estate: W.ESTATES[grid] ?? '',
        building: `${r.int(1, 12)}栋`,
        skills: r.some(W.SKILLS[skillCat] ?? [], 1, 2),
        service_intent: r.some(INTENTS, 1, 2),
        status: back ? D.REPORTED_STATUS[1] : D.REPORTED_STATUS[0],
        returned_on: back ? date('2026-07-01', '2026-11-20') : '',
        return_reason: back ? r.pick(['搬离本社区', '工作调动到外地', '组织关系转出']) : '',
      }),
      ctx,
    )
    count++
    for (let k = r.int(1, 3); k > 0; k--)
      reportedServices.create(
        {
          parentId: row.id,
          data: ReportedServiceInput.parse({
            service_date: date(reportedOn, '2026-11-20'),
            hours: r.pick([1, 1.5, 2, 3, 4]),
            content: r.pick(SERVICES),
          }),
        },
        ctx,
      )
  }
  return count
}

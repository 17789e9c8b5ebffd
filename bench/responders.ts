// Responder suggestions (responders:suggest) on the city dataset: 在职党员 added through the
// handlers, then items of every kind asked about through the door, against a bare scan that
// matches the item's text to every talent's 特长 with json_each + instr (what it costs
// without the register_values lookup).
import type { Backend } from '../src-main/backend/app/boot'
import { reportedMembers } from '../src-main/backend/reported/reported.handlers'
import * as W from '../src-main/backend/demo/demo-data'
import { ReportedMemberInput } from '../src-main/shared/schemas/registers.schema'
import { personName, rng } from './city-data'
import { result, time, type BenchResult } from './measure'

const INTENTS = ['楼栋长', '政策宣讲', '文明劝导', '助老服务', '环境整治', '矛盾调解']

export async function respondersJob(
  b: Backend,
  grids: number[],
  members: number,
  log: (line: string) => void,
): Promise<BenchResult[]> {
  const { ctx } = b
  const r = rng(17)
  const cats = Object.keys(W.SKILLS)
  const t0 = Date.now()
  for (let start = 0; start < members; start += 1000)
    ctx.db.transaction(() => {
      for (let i = start; i < Math.min(members, start + 1000); i++)
        reportedMembers.create(
          ReportedMemberInput.parse({
            name: personName(),
            phone: `139${String(r.int(0, 99_999_999)).padStart(8, '0')}`,
            grid_id: r.pick(grids),
            estate: r.pick(W.ESTATES),
            building: `${r.int(1, 40)}栋`,
            skills: [r.pick(W.SKILLS[r.pick(cats)] ?? ['理发'])],
            service_intent: [r.pick(INTENTS)],
            status: '已报到',
          }),
          ctx,
        )
    })()
  log(`  在职党员 ${members} 人：${((Date.now() - t0) / 1000).toFixed(1)} s`)

  // 100 items as a secretary writes them: what happened, where, sometimes the skill it needs.
  const items = Array.from({ length: 100 }, () => {
    const cat = r.pick(cats)
    const estate = r.pick(W.ESTATES)
    const skill = r.pick(W.SKILLS[cat] ?? ['理发'])
    const service = r.pick(W.SERVICES[cat] ?? ['探访独居老人'])
    return {
      category: cat,
      content: `${estate}${r.int(1, 40)}栋居民反映：${service}，希望有懂${skill}的人帮忙；${r.pick(W.LIST_ITEMS)[1]}`,
      gridId: r.pick(grids),
      location: `${estate}${r.int(1, 40)}栋${r.int(1, 4)}单元`,
    }
  })
  const ours = await time(100, async (i) => {
    const res = await b.invoke('responders:suggest', items[Math.max(0, i)])
    if (!res.ok) throw new Error(`responders:suggest: ${res.error.message}`)
  })
  const scan = ctx.db.prepare(
    `SELECT t.id FROM talents t, json_each(t.skills) j
     WHERE t.deleted_at IS NULL AND t.status = '在册' AND instr(?, j.value) > 0 LIMIT 200`,
  )
  const bare = await time(100, (i) => scan.all(items[Math.max(0, i)]?.content ?? ''))
  return [
    result(
      'responders_suggest',
      ours,
      bare,
      'p95 < 50 ms',
      `类别 + 内容 + 网格 + 楼栋，五本台账（含在职党员 ${members} 人），前 20 名带理由；对照为按内容逐行扫描全部能人特长（json_each + instr）`,
    ),
  ]
}

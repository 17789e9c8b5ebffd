// Every built-in template rendered with the demo community and a meeting, on a real database:
// the Word files hold the expected values, no "undefined", no leftover {tag}.
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillDemo } from '../../src-main/backend/demo/demo'
import { cnIndex, timeText } from '../../src-main/backend/documents/meeting-data'
import { DOC_KINDS, KINDS, type DocKind } from '../../src-main/shared/documents/doc-kinds'
import { GenerateInput } from '../../src-main/shared/schemas/documents.schema'
import { docxText, docxXml } from '../helpers/docx'
import { insertMeeting } from '../helpers/meeting-fixture'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
let meetingId: number
let out: string
let q4Meetings = 0
const files = new Map<DocKind, Buffer>()

beforeAll(async () => {
  b = testBackend()
  fillDemo(b.ctx)
  meetingId = insertMeeting(b.ctx.db, {
    attendees: [
      { name: '张建华', unit_name: '市第一人民医院', post: '党委副书记' },
      { name: '赵磊', unit_name: '区城管局', attendance: '请假', leave_reason: '外出开会' },
      { name: '王芳', unit_name: '锦华苑业委会', attendance: '列席' },
      { name: '李明', unit_name: '锦华物业服务公司', post: '经理' },
    ],
  })
  out = tempDir('lianjian-docs-')
  q4Meetings = liveCount(
    "SELECT COUNT(*) AS n FROM meetings WHERE deleted_at IS NULL AND meeting_date BETWEEN '2026-10-01' AND '2026-12-31'",
  )
  for (const kind of DOC_KINDS) {
    const r = await b.call('documents:generate', {
      kind,
      meetingId,
      talentId: 1,
      year: 2026,
      quarter: 4,
      folder: out,
    })
    files.set(kind, readFileSync(r.path))
  }
}, 60_000)

afterAll(() => b.dispose())

const text = (kind: DocKind) => docxText(files.get(kind) as Buffer)
const liveCount = (sql: string) => (b.ctx.db.prepare(sql).get() as { n: number }).n

describe('every built-in template', () => {
  it.each(DOC_KINDS)('%s renders without "undefined" or leftover tags', (kind) => {
    const xml = docxXml(files.get(kind) as Buffer)
    const t = text(kind)
    expect(t).not.toContain('undefined')
    expect(t).not.toContain('[object Object]')
    expect(t).not.toMatch(/\{[#/^@]?\s*[A-Za-z_]+\s*\}/)
    expect(xml).not.toMatch(/\{[#/^]?[a-z_]+\}/)
    // The footer page number and the community's name are in every document.
    expect(docxXml(files.get(kind) as Buffer, 'word/footer1.xml')).toContain('PAGE')
    expect(t.length).toBeGreaterThan(50)
  })
})

describe('meeting documents', () => {
  it('通知: title, time, place, topics, contact, signed by the party organisation', () => {
    const t = text('notice')
    // A title longer than a line breaks before the meeting type.
    expect(t).toContain('关于召开锦华社区2026年第3次\n党建联席会议的通知')
    // Word joiners keep the time range on one line.
    expect(t).toContain('2026年11月22日（星期日）上午9:30\u2060—\u206011:30')
    expect(t).toContain('社区党群服务中心三楼会议室')
    expect(t).toContain('（一）锦华苑老旧小区加装电梯协调（锦华物业服务公司提出）')
    expect(t).toContain('联系人：李婷，联系电话：0871-65123456。')
    expect(t).toContain('中共锦华社区委员会')
  })

  it('签到表: everyone expected (not those on leave), numbered blank rows for walk-ins', () => {
    const t = text('sign-in')
    expect(t).toContain('锦华社区2026年第3次党建联席会议签到表')
    expect(t).toContain('张建华')
    expect(t).toContain('王芳')
    expect(t).not.toContain('赵磊')
    expect(t).toContain('应到 3 人')
    expect(t).toMatch(/\n12\n/)
  })

  it('纪要: red title, 期号, agreed items with lead unit and deadline, 出席/请假/列席', () => {
    const t = text('minutes')
    const xml = docxXml(files.get('minutes') as Buffer)
    expect(t).toContain('锦华社区党建联席会议纪要')
    expect(xml).toMatch(/<w:color w:val="E60012"\/>[^]*?锦华社区党建联席会议纪要/)
    expect(t).toContain('第3期')
    expect(t).toContain('现将议定事项纪要如下：')
    expect(t).toContain('一、由市第一人民医院每月第二个周六在社区开展一次义诊。')
    expect(t).toContain(
      '责任单位：市第一人民医院；配合单位：锦华社区居委会；完成时限：2026年12月31日前。',
    )
    expect(t).toContain('二、锦华物业服务公司牵头完成锦华苑3栋加装电梯意见征询。')
    expect(t).toContain('责任单位：锦华物业服务公司；完成时限：2026年10月31日前。')
    expect(t).toContain('出席：\n市第一人民医院张建华、锦华物业服务公司李明')
    expect(t).toContain('请假：\n区城管局赵磊（外出开会）')
    expect(t).toContain('列席：\n锦华苑业委会王芳')
    expect(t).toContain('印发')
  })

  it('纪要 leaves out the 请假 and 列席 lines when nobody is on leave or observing', async () => {
    const id = insertMeeting(b.ctx.db, {
      seq_no: 4,
      attendees: [{ name: '张建华', unit_name: '市第一人民医院' }],
    })
    const r = await b.call('documents:generate', { kind: 'minutes', meetingId: id, folder: out })
    const t = docxText(readFileSync(r.path))
    expect(t).toContain('出席：\n市第一人民医院张建华')
    expect(t).not.toContain('请假：')
    expect(t).not.toContain('列席：')
    expect(basename(r.path)).toBe('2026-11-22 第4次党建联席会议纪要.docx')
  })

  it('任务分解表: one row per agreed item, landscape', () => {
    const t = text('tasks')
    const xml = docxXml(files.get('tasks') as Buffer)
    expect(t).toContain('由市第一人民医院每月第二个周六在社区开展一次义诊。')
    expect(t).toContain('2026.12.31')
    expect(t).toContain('推进中')
    expect(xml).toContain('w:orient="landscape"')
  })
})

describe('rosters, 登记表 and report', () => {
  it('人才库花名册: the street title, every talent, phones masked, header row repeated', () => {
    const t = text('talent-roster')
    const xml = docxXml(files.get('talent-roster') as Buffer)
    expect(t).toContain('青云街道锦华社区治理人才库花名册')
    expect(t).toContain('填报单位：中共锦华社区委员会')
    expect(t).toContain('共 300 条')
    expect(xml).toContain('<w:tblHeader/>')
    expect(xml).toContain('w:orient="landscape"')
    const first = b.ctx.db.prepare('SELECT name, phone FROM talents WHERE id = 1').get() as {
      name: string
      phone: string
    }
    expect(t).toContain(first.name)
    expect(t).not.toContain(first.phone)
    expect(t).toContain(`${first.phone.slice(0, 3)}****${first.phone.slice(7)}`)
  })

  it('the other rosters list their registers', () => {
    const unit = b.ctx.db.prepare('SELECT name FROM units ORDER BY id LIMIT 1').get() as {
      name: string
    }
    expect(text('unit-roster')).toContain(unit.name)
    expect(text('unit-roster')).toContain('共 28 条')
    expect(text('committee-roster')).toContain('共 14 条')
    expect(text('household-roster')).toContain('共 40 条')
    expect(text('household-roster')).toMatch(/\d+栋\d单元\d+室/)
    expect(text('reported-roster')).toContain('在职党员报到名册')
    expect(text('reported-roster')).toContain('共 22 条')
  })

  it('登记表: the talent on one form, ID number masked', () => {
    const t = text('talent-card')
    const row = b.ctx.db.prepare('SELECT name, id_card FROM talents WHERE id = 1').get() as {
      name: string
      id_card: string
    }
    expect(t).toContain('社区能人登记表')
    expect(t).toContain(row.name)
    if (row.id_card) expect(t).not.toContain(row.id_card)
    expect(t).toContain('本人签字')
  })

  it('工作报告: figures computed from the registers', () => {
    const t = text('report')
    const talents = liveCount(
      "SELECT COUNT(*) AS n FROM talents WHERE deleted_at IS NULL AND status = '在册'",
    )
    expect(t).toContain('锦华社区2026年第四季度党建联建工作报告')
    expect(t).toContain(`在册${talents}人`)
    expect(t).toContain(`本期召开各类会议${q4Meetings}次，其中`)
    expect(t).toMatch(/本期会议形成议定事项\d+项，已完成\d+项，完成率\d+%/)
    expect(t).toContain('本期议定事项中逾期未完成的共')
    expect(t).toContain('本报告统计期为2026年10月1日至')
    expect(t).toContain('锦华物业服务公司牵头完成锦华苑3栋加装电梯意见征询')
  })
})

describe('choices', () => {
  it('an unmasked roster shows full phones, says so in its name and is audited', async () => {
    const before = liveCount("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export'")
    const r = await b.call('documents:generate', {
      kind: 'committee-roster',
      masked: false,
      folder: out,
    })
    expect(r.fileName).toMatch(/兼职委员名册（未脱敏）\.docx$/)
    expect(r.masked).toBe(false)
    const phone = (
      b.ctx.db.prepare('SELECT phone FROM committee_members LIMIT 1').get() as {
        phone: string
      }
    ).phone
    expect(docxText(readFileSync(r.path))).toContain(phone)
    expect(liveCount("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'export'")).toBe(
      before + 1,
    )
  })

  it('a roster follows the register filter and names it', async () => {
    const grid = b.ctx.db.prepare('SELECT id, name FROM grids ORDER BY id LIMIT 1').get() as {
      id: number
      name: string
    }
    const n = liveCount(
      `SELECT COUNT(*) AS n FROM talents WHERE deleted_at IS NULL AND grid_id = ${grid.id}`,
    )
    const r = await b.call('documents:generate', {
      kind: 'talent-roster',
      register: { search: '', filters: { grid_id: grid.id } },
      folder: out,
    })
    const t = docxText(readFileSync(r.path))
    expect(t).toContain(`共 ${n} 条（筛选：${grid.name}）`)
    expect(r.fileName).toContain('人才库花名册（筛选）')
  })

  it('asks for the subject a kind needs', async () => {
    const r = await b.raw('documents:generate', { kind: 'minutes' })
    expect(r).toMatchObject({ ok: false, error: { message: '请选择会议' } })
    const gone = await b.raw('documents:generate', { kind: 'minutes', meetingId: 9999 })
    expect(gone).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(KINDS.report.subject).toBe('period')
  })
})

describe('wording', () => {
  it('times read the Chinese way, numbers count in Chinese', () => {
    expect(timeText('14:30', '16:30')).toBe('下午2:30\u2060—\u20604:30')
    expect(timeText('11:30', '14:00')).toBe('上午11:30\u2060—\u2060下午2:00')
    expect(timeText('19:00', '')).toBe('晚上7:00')
    expect(timeText('', '')).toBe('')
    expect([1, 10, 12, 20, 35].map(cnIndex)).toEqual(['一', '十', '十二', '二十', '三十五'])
  })
})

describe('发文字号', () => {
  it('is trimmed and its year brackets become 〔〕 as GB/T 9704 writes them', () => {
    const parse = (docNumber: string) =>
      GenerateInput.parse({ kind: 'notice', meetingId: 1, docNumber }).docNumber
    expect(parse(' 锦华党[2026]3号 ')).toBe('锦华党〔2026〕3号')
    expect(parse('锦华党（2026）3号')).toBe('锦华党〔2026〕3号')
    expect(parse('')).toBe('')
    expect(() => parse('字'.repeat(41))).toThrow('发文字号不能超过40个字')
  })

  it('prints in the 版头 of the notice and nowhere when left empty', async () => {
    const made = await b.call('documents:generate', {
      kind: 'notice',
      meetingId,
      folder: out,
      docNumber: '锦华党〔2026〕7号',
    })
    expect(docxText(readFileSync(made.path))).toContain('锦华党〔2026〕7号')
    expect(text('notice')).not.toContain('〔')
  })
})

// The document check: every kind, from the demo community and from an edge-data community
// (0 and 60 attendees, a 66-character title, a 500-character 议定事项, long organisation
// names), printed by LibreOffice with serif fonts and measured on the PDF: nothing lost, page
// counts within bounds, no page holding only a 落款 / totals line / 版记, and the GB/T 9704
// positions within 1 mm. Set PRINT_OUT=dir to keep the .docx and PDF files for looking.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fillDemo } from '../../src-main/backend/demo/demo'
import { generateDocument } from '../../src-main/backend/documents/generate'
import { DOC_KINDS, type DocKind } from '../../src-main/shared/documents/doc-kinds'
import { docxText } from '../helpers/docx'
import { insertMeeting } from '../helpers/meeting-fixture'
import { pageRules, readPdf, requirePrintTools, squeeze, toPdf, type Page } from '../helpers/print'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'

const NOW = new Date('2026-12-01T10:00:00')
const LONG_TITLE =
  '锦华社区2026年第7次党建联席会议暨老旧小区加装电梯、背街小巷环境整治和“家门口”便民服务专题协调推进会'
const LONG_RESOLUTION = (
  '由区住房和城乡建设局牵头，会同锦华物业服务公司、锦华苑业主委员会和社区居委会，' +
  '对锦华苑1至12栋逐栋开展加装电梯意愿征询、管线迁改勘察和资金筹措测算，' +
  '形成一栋一方案，按照先易后难、分批推进的原则，在征得本单元三分之二以上业主同意后报区级审批；' +
  '施工期间由物业服务公司负责现场安全巡查，社区网格员每周入户收集居民意见并在议事会上通报。'
).repeat(4)
// The longest 署名 that still fits one 落款 line (26 characters); longer ones wrap (README).
const LONG_ORG = '中共盘龙区青云街道锦华路片区老旧小区示范社区委员会'
const LONG_UNIT = '云南省昆明市盘龙区青云街道锦华路片区老旧小区综合治理联合党支部'

const DOC_NUMBER = '锦华党〔2026〕3号'
const EDGE_COMMUNITY = '锦华路片区老旧小区综合治理示范社区'
const ORG = { demo: '中共锦华社区委员会', edge: LONG_ORG }
const DATE = '2026年12月1日'

type Variant = 'demo' | 'edge'
interface Printed {
  docx: Buffer
  pages: Page[]
  pdf: string
}
const printed = new Map<string, Printed>()
const key = (v: Variant, kind: DocKind, n = '') => `${v}-${kind}${n}`
let out: string
const backends: TestBackend[] = []

function community(variant: Variant) {
  const b = testBackend()
  backends.push(b)
  fillDemo(b.ctx)
  if (variant === 'edge') {
    b.ctx.db
      .prepare('UPDATE settings SET community_name = ?, party_org_name = ?, secretary_name = ?')
      .run(EDGE_COMMUNITY, LONG_ORG, '欧阳丽华')
  }
  return b
}

beforeAll(async () => {
  requirePrintTools()
  out = process.env['PRINT_OUT'] ?? tempDir('lianjian-print-')
  mkdirSync(out, { recursive: true })
  const files: string[] = []
  const make = async (b: TestBackend, name: string, req: Record<string, unknown>) => {
    const g = await generateDocument(b.ctx, { masked: true, folder: out, ...req } as never, {
      now: NOW,
    })
    const file = join(out, `${name}.docx`)
    writeFileSync(file, readFileSync(g.path))
    files.push(file)
  }
  for (const variant of ['demo', 'edge'] as Variant[]) {
    const b = community(variant)
    const meetings: number[] = []
    if (variant === 'demo') {
      meetings.push(
        (b.ctx.db.prepare('SELECT MAX(id) AS id FROM meetings').get() as { id: number }).id,
      )
    } else {
      meetings.push(
        insertMeeting(b.ctx.db, {
          attendees: [],
          topics: [],
          resolutions: [],
          contact: '',
          contact_phone: '',
          summary: '',
          host: '',
        }),
      )
      meetings.push(
        insertMeeting(b.ctx.db, {
          seq_no: 8,
          attendees: Array.from({ length: 25 }, (_, i) => ({
            name: `李${'一二三四五六七八九十'[i % 10]}华`,
            unit_name: i % 2 ? '青云街道社区卫生服务中心' : '盘龙区市场监督管理局青云所',
            post: '党支部书记',
          })),
        }),
      )
      meetings.push(
        insertMeeting(b.ctx.db, {
          title: LONG_TITLE,
          seq_no: 7,
          attendees: Array.from({ length: 60 }, (_, i) => ({
            name: i % 7 === 0 ? '欧阳丽华' : `张${'一二三四五六七八九十'[i % 10]}`,
            unit_name: i % 3 === 0 ? LONG_UNIT : '锦华物业服务公司',
            post: i % 4 === 0 ? '党委副书记、副主任' : '委员',
            attendance: i % 10 === 1 ? '请假' : i % 10 === 2 ? '列席' : '出席',
            leave_reason: i % 10 === 1 ? '外出学习' : '',
          })),
          resolutions: [
            {
              content: LONG_RESOLUTION,
              lead_unit_name: LONG_UNIT,
              partner_units: '锦华物业服务公司、锦华苑业主委员会',
              deadline: '2026-12-16',
              status: '推进中',
              progress: '已完成1至4栋意愿征询',
            },
            {
              content: '社区居委会牵头开展背街小巷环境整治',
              lead_unit_name: '锦华社区居委会',
              deadline: '2026-11-30',
            },
          ],
        }),
      )
    }
    const talent = (
      b.ctx.db
        .prepare(
          `SELECT id FROM talents WHERE deleted_at IS NULL
           ORDER BY length(skills) + length(employer) + length(note) DESC LIMIT 1`,
        )
        .get() as { id: number }
    ).id
    for (const kind of DOC_KINDS) {
      if (['notice', 'sign-in', 'minutes', 'tasks'].includes(kind)) {
        for (const [i, meetingId] of meetings.entries())
          await make(b, key(variant, kind, meetings.length > 1 ? String(i) : ''), {
            kind,
            meetingId,
            docNumber: i === 0 ? DOC_NUMBER : '',
          })
      } else if (kind === 'report') {
        await make(b, key(variant, kind), { kind, year: 2026, quarter: 4, docNumber: DOC_NUMBER })
        if (variant === 'demo') {
          await make(b, key(variant, kind, 'q1'), { kind, year: 2025, quarter: 1 })
          // The whole year: the longer 统计期 note pushed the figures table across a page.
          await make(b, key(variant, kind, 'year'), { kind, year: 2026 })
        }
      } else {
        await make(b, key(variant, kind), { kind, talentId: talent })
      }
    }
  }
  const pdfs = toPdf(files, out)
  files.forEach((f, i) => {
    const name = f.slice(out.length + 1, -5)
    const pdf = pdfs[i] as string
    printed.set(name, { docx: readFileSync(f), pages: readPdf(pdf), pdf })
  })
}, 180_000)

afterAll(() => backends.forEach((b) => b.dispose()))

const all = () => [...printed.keys()]
const get = (name: string) => printed.get(name) as Printed

/** Characters (with their counts) in the .docx that the PDF does not print. */
function lost(p: Printed): string {
  const have = new Map<string, number>()
  for (const c of squeeze(p.pages.map((x) => x.text).join(''))) have.set(c, (have.get(c) ?? 0) + 1)
  const miss: string[] = []
  for (const c of squeeze(docxText(p.docx))) {
    const n = have.get(c) ?? 0
    if (n > 0) have.set(c, n - 1)
    else miss.push(c)
  }
  return miss.join('')
}

/** The page's words grouped into lines (same top within 0.5 mm), top to bottom. */
function lines(page: Page): { text: string; words: Page['words'] }[] {
  const out: { y: number; words: Page['words'] }[] = []
  for (const w of [...page.words].sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)) {
    const line = out.find((l) => Math.abs(l.y - w.y0) < 0.5)
    if (line) line.words.push(w)
    else out.push({ y: w.y0, words: [w] })
  }
  return out.map((l) => ({
    words: l.words.sort((a, b) => a.x0 - b.x0),
    text: l.words.map((w) => w.text).join(''),
  }))
}

const isPageNumber = (t: string) => /^—\d+—$/.test(t)
const variantOf = (name: string): Variant => (name.startsWith('edge') ? 'edge' : 'demo')
/** 3号 with each character 0.25 pt narrower, in millimetres. */
const CHAR = 15.75 / (72 / 25.4)
// Text block of the portrait pages (mm from the top-left corner of the page).
const BLOCK = { top: 37, bottom: 297 - 35, left: 28, right: 210 - 26 }

describe('document check', () => {
  it('prints every character of every document, punctuation included', { timeout: 60_000 }, () => {
    const missing = all()
      .map((n) => [n, lost(get(n))])
      .filter(([, m]) => m)
    expect(missing).toEqual([])
    expect(squeeze(get('demo-notice').pages[0]?.text ?? '')).toContain(DOC_NUMBER)
  })

  it('page counts stay within the stated bounds', () => {
    const pages = Object.fromEntries(all().map((n) => [n, get(n).pages.length]))
    console.log('pages:', JSON.stringify(pages))
    // 登记表: one page, always.
    expect(pages['demo-talent-card']).toBe(1)
    expect(pages['edge-talent-card']).toBe(1)
    // 签到表 with up to 25 attendees (and 0): one page.
    expect(pages['demo-sign-in']).toBe(1)
    expect(pages['edge-sign-in0']).toBe(1)
    expect(pages['edge-sign-in1']).toBe(1)
    // 300 demo talents: at most 20 landscape pages (README: 文档与打印).
    expect(pages['demo-talent-roster']).toBeLessThanOrEqual(20)
    for (const n of ['demo-notice', 'demo-minutes', 'demo-report', 'demo-tasks'])
      expect(pages[n]).toBeLessThanOrEqual(3)
  })

  it('no page holds only a 落款, a totals line or a 版记', () => {
    const alone: string[] = []
    for (const name of all()) {
      const { pages } = get(name)
      const org = squeeze(ORG[variantOf(name)])
      const blocks = [`${org}${DATE}`, `${org}${DATE}印发`, /应到\d+人，实到人。/]
      pages.forEach((page, i) => {
        const text = squeeze(
          lines(page)
            .filter((l) => !isPageNumber(l.text))
            .map((l) => l.text)
            .join(''),
        )
        const rest = blocks.reduce<string>((t, b) => t.replace(b, ''), text)
        if (i > 0 && rest === '') alone.push(`${name} p${i + 1}`)
      })
    }
    expect(alone).toEqual([])
  })

  it('the 主要数据一览 table of a report is never broken across pages', () => {
    // demo-report, demo-reportq1 …, not demo-reported-roster.
    const reports = all().filter((n) => /-report(?!ed)/.test(n))
    expect(reports.length).toBeGreaterThanOrEqual(4)
    for (const name of reports) {
      const holding = (text: string) =>
        get(name)
          .pages.map((p, i) => (squeeze(p.text).includes(text) ? i : -1))
          .filter((i) => i >= 0)
      const first = holding('在册社区能人')
      expect(first, `${name}: first row`).toHaveLength(1)
      expect(holding('联户走访记录'), `${name}: last row`).toEqual(first)
      expect(holding('一、主要数据一览'), `${name}: heading`).toEqual(first)
    }
  })

  it('page numbers sit 7 mm below the text block, odd pages right and even pages left', () => {
    const off: string[] = []
    for (const name of all()) {
      const portrait = (get(name).pages[0]?.width ?? 0) < 250
      get(name).pages.forEach((page, i) => {
        const num = lines(page).find((l) => isPageNumber(l.text))
        if (!num) return off.push(`${name} p${i + 1}: no page number`)
        const first = num.words[0] as Page['words'][number]
        const last = num.words.at(-1) as Page['words'][number]
        if (!portrait) return
        if (Math.abs(first.y0 - (BLOCK.bottom + 7)) > 1) off.push(`${name} p${i + 1} y ${first.y0}`)
        // One 4号 character in from the edge of the text block.
        const x = i % 2 === 0 ? BLOCK.right - 4.94 - last.x1 : first.x0 - BLOCK.left - 4.94
        if (Math.abs(x) > 1) off.push(`${name} p${i + 1} x off by ${x.toFixed(1)}`)
      })
    }
    expect(off).toEqual([])
  })

  it('发文机关标志 and 纪要标志 35 mm below the top of the text block', () => {
    for (const name of ['demo-notice', 'demo-minutes', 'demo-report', 'edge-minutes0']) {
      const top = get(name).pages[0]?.words[0]
      const community = variantOf(name) === 'edge' ? EDGE_COMMUNITY : '锦华社区'
      const mark = name.includes('minutes') ? `${community}党建联席会议纪要` : ORG[variantOf(name)]
      const word = top?.text ?? '-'
      expect(mark.startsWith(word), `${name}: ${word}`).toBe(true)
      expect(Math.abs((top?.y0 ?? 0) - (BLOCK.top + 35)), name).toBeLessThanOrEqual(1)
    }
  })

  it('落款: 署名 two characters from the right, 成文日期 two characters right of it', () => {
    for (const name of [
      'demo-notice',
      'demo-report',
      'edge-notice0',
      'edge-notice1',
      'edge-notice2',
      'edge-report',
    ]) {
      const { pages } = get(name)
      const last = lines(pages.at(-1) as Page)
      const at = last.findLastIndex((l) => squeeze(l.text) === squeeze(ORG[variantOf(name)]))
      expect(at, name).toBeGreaterThanOrEqual(0)
      const org = last[at]?.words as Page['words']
      const date = last[at + 1]?.words as Page['words']
      expect(squeeze((date ?? []).map((w) => w.text).join(''))).toBe(DATE)
      const orgRight = (org.at(-1)?.x1 ?? 0) - (BLOCK.right - 2 * CHAR)
      const shift = (date[0]?.x0 ?? 0) - (org[0]?.x0 ?? 0) - 2 * CHAR
      expect(Math.abs(orgRight), `${name} 署名 right edge`).toBeLessThanOrEqual(1)
      expect(Math.abs(shift), `${name} date shift`).toBeLessThanOrEqual(1)
    }
  })

  it('版记: its last rule on the bottom edge of the text block of the last page', () => {
    for (const name of ['demo-minutes', 'edge-minutes0', 'edge-minutes1', 'edge-minutes2']) {
      const p = get(name)
      const rules = pageRules(p.pdf, p.pages.length)
      const bottom = Math.max(...rules.map((r) => r[1]))
      expect(Math.abs(bottom - BLOCK.bottom), name).toBeLessThanOrEqual(1)
      expect(squeeze(p.pages.at(-1)?.text ?? '')).toContain('印发')
    }
  })
})

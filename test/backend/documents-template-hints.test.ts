// What a user template gets wrong and the hints it gets back: look-alike brackets, full-width
// ／＃ in tags, the nearest real loop or condition, {index} outside a loop, and where each
// problem is (paragraph and first words, table and row).
import PizZip from 'pizzip'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkTemplate } from '../../src-main/backend/documents/render-docx'
import { builtinPath } from '../../src-main/backend/documents/template-store'
import { fillDemo } from '../../src-main/backend/demo/demo'
import { docxText, makeDocx } from '../helpers/docx'
import { testBackend } from '../helpers/temp-backend'

const messages = async (paragraphs: string[]) =>
  (await checkTemplate(makeDocx(paragraphs), 'minutes')).map((p) => p.message)

describe('look-alikes, full-width marks, nearest names and where each problem is', () => {
  it('【title】 and ［title］ are named with the tag probably meant', async () => {
    const m = await messages(['会议：【title】', '地点：［location］', '备注：【这是说明】'])
    expect(m).toHaveLength(2)
    expect(m[0]).toContain('「【title】」用的不是花括号，会原样打印出来')
    expect(m[0]).toContain('写成「{title}」')
    expect(m[1]).toContain('写成「{location}」')
  })

  it('a full-width ／ or ＃ in a loop tag is named as such, not as an unknown name', async () => {
    const close = await messages(['{#resolutions}', '{content}', '{／resolutions}'])
    expect(
      close.some((x) => x.includes('「／」是全角字符') && x.includes('「{/resolutions}」')),
    ).toBe(true)
    const open = await messages(['{＃resolutions}', '{content}', '{/resolutions}'])
    expect(
      open.some((x) => x.includes('「＃」是全角字符') && x.includes('「{#resolutions}」')),
    ).toBe(true)
  })

  it('{#has_absent} suggests the nearest real loop or condition', async () => {
    const m = await messages(['{#has_absent}缺席：{absent}{/has_absent}'])
    expect(m[0]).toContain('是不是条件「{#absent}」？')
    expect((await messages(['{#resolution}{content}{/resolution}']))[0]).toContain(
      '是不是循环「{#resolutions}」？',
    )
  })

  it('{index} outside a loop names every loop that offers it', async () => {
    const m = await messages(['{index}'])
    for (const loop of ['attendees', 'signin', 'topics', 'resolutions'])
      expect(m[0]).toContain(`「{#${loop}}」`)
  })

  it('every problem says where it is: paragraph number and first words, table and row', async () => {
    const m = await messages(['会议纪要', '现将议定事项纪要如下：{titel}'])
    expect(m[0]).toContain('（在正文第2段「现将议定事项纪要如下：{…」）')
    const zip = new PizZip(makeDocx(['{title}']))
    const doc = zip.file('word/document.xml')?.asText() ?? ''
    zip.file(
      'word/document.xml',
      doc.replace(
        '<w:body>',
        '<w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>{foo}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
      ),
    )
    const buf = zip.generate({ type: 'nodebuffer' }) as Buffer
    expect((await checkTemplate(buf, 'minutes'))[0]?.message).toContain('（在第1个表格第2行）')
  })
})

describe('problems in headers and footers', () => {
  it('say 页脚 for a tag in the footer', async () => {
    const zip = new PizZip(readFileSync(builtinPath('notice')))
    const footer = zip.file('word/footer1.xml')?.asText() ?? ''
    zip.file('word/footer1.xml', footer.replace('<w:t>1</w:t>', '<w:t>{pagez}</w:t>'))
    const m = await checkTemplate(zip.generate({ type: 'nodebuffer' }) as Buffer, 'notice')
    expect(m.map((p) => p.message)).toEqual(['「{pagez}」不是「会议通知」可用的标签（在页脚）'])
  })
})

describe('look-alikes warn but do not stop a template', () => {
  it('is imported with its warnings, and documents are still made from it', async () => {
    const b = testBackend()
    try {
      fillDemo(b.ctx)
      const buf = makeDocx(['会议：【title】', '{title}'])
      const r = await b.call('documents:template-import', {
        kind: 'minutes',
        fileName: '带方括号.docx',
        base64: buf.toString('base64'),
      })
      expect(r.template?.name).toBe('带方括号')
      expect(r.problems).toHaveLength(1)
      expect(r.problems[0]?.warning).toBe(true)
      expect(r.problems[0]?.message).toContain('写成「{title}」')
      const meetingId = (
        b.ctx.db.prepare('SELECT MAX(id) AS id FROM meetings').get() as {
          id: number
        }
      ).id
      const doc = await b.call('documents:generate', {
        kind: 'minutes',
        meetingId,
        template: r.template?.id,
        folder: b.dataDir,
      })
      expect(docxText(readFileSync(doc.path))).toContain('会议：【title】')
    } finally {
      b.dispose()
    }
  })
})

// Template checking (one Chinese message per problem, naming the tag), file limits, and the
// user's own templates: import, list, default, copy, download, delete.
import fc from 'fast-check'
import PizZip from 'pizzip'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkTemplate, renderDocx } from '../../src-main/backend/documents/render-docx'
import { builtinPath } from '../../src-main/backend/documents/template-store'
import { DOC_KINDS } from '../../src-main/shared/documents/doc-kinds'
import { SettingsInput } from '../../src-main/shared/schemas/settings.schema'
import { docxText, docxXml, makeDocx, parseStrict } from '../helpers/docx'
import { insertMeeting } from '../helpers/meeting-fixture'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'

const messages = async (paragraphs: string[], kind: (typeof DOC_KINDS)[number] = 'minutes') =>
  (await checkTemplate(makeDocx(paragraphs), kind)).map((p) => p.message)

describe('template problems in Chinese, naming the tag', () => {
  it('every built-in template is valid for its kind', async () => {
    for (const kind of DOC_KINDS)
      expect(await checkTemplate(readFileSync(builtinPath(kind)), kind)).toEqual([])
  })

  it.each([
    [
      ['{#resolutions}', '{content}'],
      '循环「{#resolutions}」没有结束标签：请在要重复的内容之后加上「{/resolutions}」',
    ],
    [
      ['{content}', '{/resolutions}'],
      '结束标签「{/resolutions}」前面没有对应的开始标签「{#resolutions}」',
    ],
    [
      ['{#resolutions}', '{content}', '{/topics}'],
      '开始标签「{#resolutions}」与结束标签「{/topics}」不对应：应写成「{/resolutions}」',
    ],
    [['会议：{title'], '标签「{title」缺少右花括号「}」'],
    [['{foo}'], '「{foo}」不是「会议纪要」可用的标签'],
    [['{titel}'], '「{titel}」不是「会议纪要」可用的标签；是不是「{title}」？'],
    [
      ['{会议地点}'],
      '「{会议地点}」不是「会议纪要」可用的标签；要打印「会议地点」，请写成「{location}」',
    ],
    [['{#members}{name}{/members}'], '「{#members}」不是「会议纪要」可用的循环或条件'],
    [
      ['{lead_unit}'],
      '「{lead_unit}」只能放在循环里：「{#resolutions}」…「{/resolutions}」（议定事项）之间',
    ],
    [
      ['{has_leave}'],
      '「{has_leave}」（有请假人员）是条件，不能直接打印：请写成「{#has_leave}…{/has_leave}」',
    ],
    [
      ['{resolutions}'],
      '「{resolutions}」是一组数据，要写成「{#resolutions}…{/resolutions}」逐项列出',
    ],
    [['{@title}'], '不支持「{@title}」这种原始 XML 标签，请改为「{title}」'],
    [
      ['标题：｛title｝'],
      '模板里有全角花括号「｛」「｝」：标签要用半角（英文输入法）花括号，如「{title}」',
    ],
  ])('%j → %s', async (paragraphs, message) => {
    expect((await messages(paragraphs)).some((m) => m.startsWith(message))).toBe(true)
  })

  it('doubled braces are reported', async () => {
    const m = await messages(['{{title}}'])
    expect(m.some((x) => x.includes('花括号重复'))).toBe(true)
  })

  it('lists several problems at once, one message each', async () => {
    const m = await messages(['{foo}', '{bar}', '{foo}', '{title}'])
    expect(m).toHaveLength(2)
  })

  it('inside a loop its fields and the outer tags are fine; a field of another loop is not', async () => {
    expect(await messages(['{#resolutions}{index}、{content}（{title}）{/resolutions}'])).toEqual(
      [],
    )
    expect((await messages(['{#resolutions}{name}{/resolutions}']))[0]).toContain('{#attendees}')
    expect(
      await messages([
        '{#has_leave}请假：{leave}{/has_leave}',
        '{^has_observers}无{/has_observers}',
      ]),
    ).toEqual([])
    expect(await messages(['{#rows}{name}{phone}{/rows}'], 'talent-roster')).toEqual([])
  })
})

describe('files that are not usable templates', () => {
  it('not a zip, an old .doc, a zip without a document', async () => {
    expect(
      (await checkTemplate(Buffer.from('hello, this is not a Word file at all'), 'notice'))[0]
        ?.message,
    ).toContain(
      '不是有效的 Excel/Word 文件（文件格式不对或已损坏）。请用 Word 或 WPS 另存为 .docx 后再试',
    )
    const ole = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(600),
    ])
    expect((await checkTemplate(ole, 'notice'))[0]?.message).toContain(
      '旧版 Word 97-2003 文档（.doc）',
    )
    const zip = new PizZip()
    zip.file('hello.txt', 'hi')
    const noDoc = zip.generate({ type: 'nodebuffer' }) as Buffer
    expect((await checkTemplate(noDoc, 'notice'))[0]?.message).toContain(
      '这不是 Word 文档（.docx）',
    )
  })

  it('a zip bomb is refused before inflating', async () => {
    const zip = new PizZip()
    zip.file('word/document.xml', Buffer.alloc(60 * 1024 * 1024))
    const bomb = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer
    expect(bomb.length).toBeLessThan(1024 * 1024)
    expect((await checkTemplate(bomb, 'notice'))[0]?.message).toContain('压缩比异常')
  })

  it('a huge file is refused by size', async () => {
    const huge = Buffer.concat([makeDocx(['{title}']), Buffer.alloc(11 * 1024 * 1024)])
    expect((await checkTemplate(huge, 'notice'))[0]?.message).toMatch(
      /模板文件太大（1\d\.\d MB），最大 10 MB/,
    )
  })
})

describe('rendering arbitrary text', () => {
  it('XML specials, newlines, emoji and control characters give a valid document holding the text', async () => {
    const template = makeDocx(['{title}'])
    const strip = (s: string) =>
      // eslint-disable-next-line no-control-regex
      s.replace(/\r\n?/g, '\n').replace(/[\x00-\x09\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g, '')
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary' }),
          fc.constantFrom(
            '<w:t>&amp;"\'</w:t>',
            'a\nb\r\nc\rd',
            '😀 党建 🇨🇳',
            '\u0000\u0001\u001f\u007f',
            '{title}',
            ']]>',
          ),
        ),
        async (s) => {
          const buf = await renderDocx(template, 'minutes', { title: s })
          const xml = docxXml(buf)
          parseStrict(xml)
          // Lone surrogates cannot be stored; everything else arrives as typed.
          const expected = strip(s).replace(
            /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
            '',
          )
          expect(docxText(buf)).toBe(expected)
        },
      ),
      { numRuns: 120 },
    )
  }, 60_000)

  it('a missing value prints as nothing, never "undefined"', async () => {
    const buf = await renderDocx(
      makeDocx(['[{title}]', '{#resolutions}x{/resolutions}']),
      'minutes',
      {},
    )
    expect(docxText(buf)).toBe('[]\n')
  })
})

describe('the user’s own templates', () => {
  let b: TestBackend
  let meetingId: number
  beforeAll(async () => {
    b = testBackend()
    await b.call(
      'settings:save',
      SettingsInput.parse({
        community_name: '锦华社区',
        street_name: '青云街道',
        party_org_name: '中共锦华社区委员会',
      }),
    )
    meetingId = insertMeeting(b.ctx.db, {
      attendees: [{ name: '张建华', unit_name: '市第一人民医院' }],
    })
  })
  afterAll(() => b.dispose())

  const upload = (paragraphs: string[], fileName = '我们的纪要.docx') => ({
    kind: 'minutes' as const,
    fileName,
    base64: makeDocx(paragraphs).toString('base64'),
  })

  it('a template with problems is not stored, and each problem is listed', async () => {
    // What other tests of this file stored stays; this one must add nothing to it.
    const ids = async () =>
      (await b.call('documents:templates', { kind: 'minutes' })).map((t) => t.id)
    const before = await ids()
    expect(before).toContain('builtin')
    const r = await b.call('documents:template-import', upload(['{#resolutions}', '{foo}']))
    expect(r.template).toBeNull()
    expect(r.problems.map((p) => p.tag)).toEqual(['{#resolutions}', '{foo}'])
    const bad = await b.call('documents:template-import', upload(['{foo}', '{bar}']))
    expect(bad.problems.map((p) => p.tag)).toEqual(['{foo}', '{bar}'])
    expect(await ids()).toEqual(before)
  })

  it('a good template is stored, chosen as default, used, and deleted back to the built-in', async () => {
    const r = await b.call(
      'documents:template-import',
      upload(['我们社区的纪要：{title}', '{#resolutions}{cn_index}、{content}{/resolutions}']),
    )
    expect(r.problems).toEqual([])
    expect(r.template?.id).toBe('我们的纪要.docx')
    const again = await b.call('documents:template-import', upload(['{title}']))
    expect(again.template?.id).toBe('我们的纪要（2）.docx')
    await b.call('documents:template-default', { kind: 'minutes', id: '我们的纪要.docx' })
    const list = await b.call('documents:templates', { kind: 'minutes' })
    expect(list.find((t) => t.isDefault)?.id).toBe('我们的纪要.docx')
    const doc = await b.call('documents:generate', {
      kind: 'minutes',
      meetingId,
      folder: tempDir(),
    })
    expect(docxText(readFileSync(doc.path))).toContain(
      '我们社区的纪要：锦华社区2026年第3次党建联席会议\n一、由市第一人民医院',
    )
    await b.call('documents:template-delete', { kind: 'minutes', id: '我们的纪要.docx' })
    const after = await b.call('documents:templates', { kind: 'minutes' })
    expect(after.find((t) => t.isDefault)?.id).toBe('builtin')
    expect(after.map((t) => t.id)).toEqual(['builtin', '我们的纪要（2）.docx'])
  })

  it('copies and downloads the built-in template; refuses paths outside the folder', async () => {
    const copy = await b.call('documents:template-copy', { kind: 'notice' })
    expect(copy.id).toBe('会议通知（我的模板）.docx')
    expect(copy.problems).toEqual([])
    const dl = await b.call('documents:template-download', { kind: 'notice', id: 'builtin' })
    expect(dl.fileName).toBe('会议通知（内置模板）.docx')
    expect(Buffer.from(dl.base64, 'base64').equals(readFileSync(builtinPath('notice')))).toBe(true)
    const escape = await b.raw('documents:template-download', {
      kind: 'notice',
      id: '../../lianjian.sqlite',
    })
    expect(escape).toMatchObject({ ok: false, error: { message: '模板名称不正确' } })
    const builtin = await b.raw('documents:template-delete', { kind: 'notice', id: 'builtin' })
    expect(builtin).toMatchObject({ ok: false, error: { message: '内置模板不能删除' } })
  })
})

describe('a broken structure does not hide unknown tags', () => {
  it('reports the unclosed loop and the tags this kind does not have', async () => {
    const m = await messages(['{#resolutions}', '{会议标题}{titel}', '{content}'])
    expect(m[0]).toContain('循环「{#resolutions}」没有结束标签')
    const has = (start: string) => m.some((x) => x.startsWith(start))
    expect(
      has('「{会议标题}」不是「会议纪要」可用的标签；要打印「会议标题」，请写成「{title}」'),
    ).toBe(true)
    expect(has('「{titel}」不是「会议纪要」可用的标签；是不是「{title}」？')).toBe(true)
    expect(m).toHaveLength(3)
  })
})

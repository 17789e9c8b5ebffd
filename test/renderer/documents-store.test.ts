import { DOC_KINDS } from '@shared/documents/doc-kinds'
import { createPinia, setActivePinia } from 'pinia'
import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setTransport } from '../../src-renderer/src/api/client'
import { useDocumentsStore } from '../../src-renderer/src/stores/documents.store'
import { docxText, makeDocx } from '../helpers/docx'
import { insertMeeting } from '../helpers/meeting-fixture'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'

// The documents store on a real backend, in-process: templates, import problems, generate.
let b: TestBackend
beforeEach(async () => {
  b = testBackend()
  setTransport(b.invoke)
  setActivePinia(createPinia())
  await b.call('settings:save', {
    community_name: '锦华社区',
    street_name: '青云街道',
    party_org_name: '中共锦华社区委员会',
  })
})
afterEach(() => {
  setTransport(undefined)
  b.dispose()
})

const file = (paragraphs: string[], name: string) =>
  new File([new Uint8Array(makeDocx(paragraphs))], name)

describe('documents store', () => {
  it('lists the built-in template of every kind as the default', async () => {
    const store = useDocumentsStore()
    await store.loadTemplates()
    expect(store.templates).toHaveLength(DOC_KINDS.length)
    expect(store.ofKind('minutes')).toMatchObject([{ id: 'builtin', isDefault: true }])
  })

  it('imports a file: problems come back and nothing is stored; a good one is listed', async () => {
    const store = useDocumentsStore()
    const bad = await store.importFile('notice', file(['{#topics}{title}'], '坏.docx'))
    expect(bad.problems[0]?.message).toContain('循环「{#topics}」没有结束标签')
    expect(store.ofKind('notice')).toHaveLength(1)
    const good = await store.importFile('notice', file(['{notice_title}'], '我们的通知.docx'))
    expect(good.problems).toEqual([])
    expect(store.ofKind('notice').map((t) => t.name)).toEqual(['会议通知（内置）', '我们的通知'])
  })

  it('generates into the chosen folder and keeps the result first in the list', async () => {
    const store = useDocumentsStore()
    const meetingId = insertMeeting(b.ctx.db, { attendees: [{ name: '张建华' }] })
    const folder = tempDir()
    const doc = await store.generate({ kind: 'sign-in', meetingId, folder })
    expect(doc.folder).toBe(folder)
    expect(store.generated[0]?.id).toBe(doc.id)
    expect(docxText(readFileSync(doc.path))).toContain('张建华')
    const info = await store.loadInfo()
    expect(info.recentFolders).toEqual([folder])
  })
})

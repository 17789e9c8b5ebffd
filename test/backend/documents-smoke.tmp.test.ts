import { it } from 'vitest'
import { fillDemo } from '../../src-main/backend/demo/demo'
import { testBackend } from '../helpers/temp-backend'
import { insertMeeting } from '../helpers/meeting-fixture'
import { DOC_KINDS } from '../../src-main/shared/documents/doc-kinds'
import { generateDocument } from '../../src-main/backend/documents/generate'
import { GenerateInput } from '../../src-main/shared/schemas/documents.schema'

it('smoke', () => {
  const b = testBackend()
  fillDemo(b.ctx)
  const mid = insertMeeting(b.ctx.db)
  for (const kind of DOC_KINDS) {
    const r = generateDocument(b.ctx, GenerateInput.parse({ kind, meetingId: mid, talentId: 5, year: 2026, quarter: 4, folder: '/tmp/look/gen' }))
    console.log(r.fileName)
  }
  b.dispose()
}, 60000)

// documents:* — templates (built-in and the user's own), generating, the list of generated
// documents, and opening / PDF-converting them on this machine.
import type { Channel } from '../../shared/contract'
import { DOC_KINDS, KINDS } from '../../shared/documents/doc-kinds'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import type { Handler } from '../handlers'
import { nowStamp } from '../../shared/dates'
import { generatedById, insertGenerated, listGenerated, meetingOptions } from './documents.repo'
import { mayOpen, sealPath } from './document-seal'
import { generateDocument, toGenerated } from './generate'
import { rememberUnsaved, unsavedById, unsavedRows } from './unsaved-documents'
import { convertToPdf, findSoffice, openWithSystem } from './output-files'
import {
  BUILTIN,
  chooseDefault,
  copyBuiltin,
  deleteTemplate,
  storeUserTemplate,
  listTemplates,
  readTemplate,
  userTemplatePath,
} from './template-store'

type H<C extends Channel> = Handler<C>

export const documentsInfo: H<'documents:info'> = (_input, ctx) => ({
  defaultFolder: ctx.paths.documents,
  // Only folders this installation wrote to: a restored or imported list could name any path
  // (a network share the next document would be written to).
  recentFolders: [
    ...new Set(
      listGenerated(ctx.db, 200)
        .filter((r) => mayOpen(ctx.paths, r.path, r.seal))
        .map((r) => r.folder),
    ),
  ].slice(0, 8),
  pdfAvailable: findSoffice() !== null,
  templatesFolder: ctx.paths.templates,
})

export const documentsTemplates: H<'documents:templates'> = async (input, ctx) => {
  const lists = []
  for (const k of input.kind ? [input.kind] : DOC_KINDS) lists.push(await listTemplates(ctx, k))
  return lists.flat()
}

export const documentsTemplateImport: H<'documents:template-import'> = (input, ctx) =>
  storeUserTemplate(ctx, input.kind, input.fileName, Buffer.from(input.base64, 'base64'))

export const documentsTemplateDefault: H<'documents:template-default'> = async (input, ctx) => {
  await chooseDefault(ctx, input.kind, input.id)
  return input
}

export const documentsTemplateDelete: H<'documents:template-delete'> = (input, ctx) => {
  deleteTemplate(ctx, input.kind, input.id)
  return input
}

export const documentsTemplateCopy: H<'documents:template-copy'> = (input, ctx) =>
  copyBuiltin(ctx, input.kind)

export const documentsTemplateDownload: H<'documents:template-download'> = (input, ctx) => ({
  fileName: input.id === BUILTIN ? `${KINDS[input.kind].label}（内置模板）.docx` : input.id,
  base64: readTemplate(ctx, input.kind, input.id).toString('base64'),
})

export const documentsTemplateOpen: H<'documents:template-open'> = async (input, ctx) => {
  if (input.id === BUILTIN)
    throw new AppError('VALIDATION', '内置模板不能直接修改：请先「复制为我的模板」，再打开修改')
  const path = userTemplatePath(ctx, input.kind, input.id)
  await openWithSystem(path, 'file')
  return { path }
}

export const documentsMeetings: H<'documents:meetings'> = (_input, ctx) => meetingOptions(ctx.db)

export const documentsGenerate: H<'documents:generate'> = (input, ctx) =>
  generateDocument(ctx, input)

export const documentsGenerated: H<'documents:generated'> = (input, ctx) =>
  [...unsavedRows(ctx), ...listGenerated(ctx.db, input.limit)]
    .slice(0, input.limit)
    .map((row) => toGenerated(ctx, row))

/** Only documents this installation generated (sealed, of a type it makes) can be opened. */
function recorded(ctx: AppContext, id: number) {
  const row = id < 0 ? unsavedById(ctx, id) : generatedById(ctx.db, id)
  if (!row) throw new AppError('NOT_FOUND', '没有这份文档的记录，请刷新列表')
  if (!mayOpen(ctx.paths, row.path, row.seal))
    throw new AppError(
      'FORBIDDEN',
      '这份文档不是在这台电脑上生成的（可能来自数据包或恢复的数据），为安全起见不能从这里打开。请重新生成，或自己到文件夹里找到它。',
    )
  return row
}

export const documentsOpen: H<'documents:open'> = async (input, ctx) => {
  const row = recorded(ctx, input.id)
  await openWithSystem(row.path, input.target)
  return { path: row.path }
}

export const documentsPdf: H<'documents:pdf'> = (input, ctx) => {
  const row = recorded(ctx, input.id)
  const path = convertToPdf(row.path)
  const { id: _source, ...rest } = row
  const pdf = { ...rest, path, created_at: nowStamp(), seal: sealPath(ctx.paths, path) }
  const id =
    ctx.safety.mode === 'read-only' ? rememberUnsaved(ctx, pdf) : insertGenerated(ctx.db, pdf)
  return toGenerated(ctx, { ...pdf, id })
}

export const documentsHandlers = {
  'documents:info': documentsInfo,
  'documents:templates': documentsTemplates,
  'documents:template-import': documentsTemplateImport,
  'documents:template-default': documentsTemplateDefault,
  'documents:template-delete': documentsTemplateDelete,
  'documents:template-copy': documentsTemplateCopy,
  'documents:template-download': documentsTemplateDownload,
  'documents:template-open': documentsTemplateOpen,
  'documents:meetings': documentsMeetings,
  'documents:generate': documentsGenerate,
  'documents:generated': documentsGenerated,
  'documents:open': documentsOpen,
  'documents:pdf': documentsPdf,
}

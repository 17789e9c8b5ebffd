// Built-in templates (templates/ beside the app) and the user's own, kept as files in
// <data dir>/templates/<kind>/ so they are backed up with the data and can be edited in Word.
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { nowStamp } from '../../shared/dates'
import { KINDS, type DocKind } from '../../shared/documents/doc-kinds'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { defaultTemplates, setDefaultTemplate } from './documents.repo'
import { safeFileName } from './output-files'
import { checkTemplate, type TemplateProblem } from './render-docx'
import { blocking } from './template-problems'

export const BUILTIN = 'builtin'

let builtinRoot: string | undefined

/** Where the built-in .docx files are: beside the packaged app, or the repo's templates/. */
function builtinDir(): string {
  if (builtinRoot) return builtinRoot
  const candidates: string[] = []
  if (process.env.LIANJIAN_TEMPLATES_DIR) candidates.push(process.env.LIANJIAN_TEMPLATES_DIR)
  const resources = (process as { resourcesPath?: string }).resourcesPath
  if (resources) candidates.push(join(resources, 'templates'))
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 6; i++) {
    candidates.push(join(dir, 'templates'))
    dir = dirname(dir)
  }
  const found = candidates.find((c) => existsSync(join(c, 'minutes.docx')))
  if (!found) throw new AppError('INTERNAL', '找不到内置模板文件夹 templates，请重新安装联建通')
  builtinRoot = found
  return found
}

export function builtinPath(kind: DocKind): string {
  return join(builtinDir(), `${kind}.docx`)
}

function userDir(ctx: AppContext, kind: DocKind): string {
  return join(ctx.paths.templates, kind)
}

/** The file of a user template, refusing anything that is not a plain name in its folder. */
function userPath(ctx: AppContext, kind: DocKind, id: string): string {
  const dir = resolve(userDir(ctx, kind))
  const file = resolve(dir, id)
  if (!id.toLowerCase().endsWith('.docx') || basename(id) !== id || !file.startsWith(dir + sep))
    throw new AppError('VALIDATION', '模板名称不正确')
  return file
}

export interface TemplateInfo {
  kind: DocKind
  id: string
  name: string
  builtin: boolean
  isDefault: boolean
  size: number
  updatedAt: string
  problems: TemplateProblem[]
}

export function readTemplate(ctx: AppContext, kind: DocKind, id: string): Buffer {
  if (!id || id === BUILTIN) return readFileSync(builtinPath(kind))
  const file = userPath(ctx, kind, id)
  if (!existsSync(file))
    throw new AppError('NOT_FOUND', `模板「${id}」不存在（可能已被删除），请重新选择`)
  return readFileSync(file)
}

export function defaultTemplateId(ctx: AppContext, kind: DocKind): string {
  const id = defaultTemplates(ctx.db)[kind] ?? ''
  if (id && existsSync(userPath(ctx, kind, id))) return id
  return BUILTIN
}

export async function listTemplates(ctx: AppContext, kind: DocKind): Promise<TemplateInfo[]> {
  const chosen = defaultTemplateId(ctx, kind)
  const builtin = builtinPath(kind)
  const list: TemplateInfo[] = [
    {
      kind,
      id: BUILTIN,
      name: `${KINDS[kind].label}（内置）`,
      builtin: true,
      isDefault: chosen === BUILTIN,
      size: statSync(builtin).size,
      updatedAt: '',
      problems: [],
    },
  ]
  const dir = userDir(ctx, kind)
  if (!existsSync(dir)) return list
  for (const file of readdirSync(dir).sort()) {
    if (!file.toLowerCase().endsWith('.docx') || file.startsWith('~$')) continue
    const path = join(dir, file)
    const st = statSync(path)
    if (!st.isFile()) continue
    list.push({
      kind,
      id: file,
      name: file.replace(/\.docx$/i, ''),
      builtin: false,
      isDefault: chosen === file,
      size: st.size,
      updatedAt: nowStamp(st.mtime),
      problems: await checkTemplate(readFileSync(path), kind),
    })
  }
  return list
}

function uniqueName(dir: string, base: string): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.docx` : `${base}（${n}）.docx`
    if (!existsSync(join(dir, name))) return name
  }
}

/**
 * Validates and stores a user's .docx document template (文档模板 → 导入); nothing is stored
 * when it has problems. Warnings do not stop it: the template is stored and the warnings are returned to show.
 */
export async function storeUserTemplate(
  ctx: AppContext,
  kind: DocKind,
  fileName: string,
  buf: Buffer,
): Promise<{ template: TemplateInfo | null; problems: TemplateProblem[] }> {
  const problems = await checkTemplate(buf, kind)
  if (blocking(problems).length) return { template: null, problems }
  const dir = userDir(ctx, kind)
  mkdirSync(dir, { recursive: true })
  const base = safeFileName(basename(fileName).replace(/\.docx$/i, '')) || KINDS[kind].label
  const name = uniqueName(dir, base)
  writeFileSync(join(dir, name), buf, { flag: 'wx' })
  const template = (await listTemplates(ctx, kind)).find((t) => t.id === name) ?? null
  return { template, problems }
}

/** A copy of the built-in template among the user's own, to change in Word. */
export async function copyBuiltin(ctx: AppContext, kind: DocKind): Promise<TemplateInfo> {
  const dir = userDir(ctx, kind)
  mkdirSync(dir, { recursive: true })
  const name = uniqueName(dir, `${KINDS[kind].label}（我的模板）`)
  writeFileSync(join(dir, name), readFileSync(builtinPath(kind)), { flag: 'wx' })
  const t = (await listTemplates(ctx, kind)).find((x) => x.id === name)
  if (!t) throw new AppError('INTERNAL', '复制模板失败，请重试')
  return t
}

export function deleteTemplate(ctx: AppContext, kind: DocKind, id: string): void {
  if (id === BUILTIN) throw new AppError('VALIDATION', '内置模板不能删除')
  const file = userPath(ctx, kind, id)
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `模板「${id}」不存在或已删除`)
  unlinkSync(file)
  if (defaultTemplates(ctx.db)[kind] === id) setDefaultTemplate(ctx.db, kind, '', nowStamp())
}

export async function chooseDefault(ctx: AppContext, kind: DocKind, id: string): Promise<void> {
  if (id !== BUILTIN) {
    const problems = blocking(await checkTemplate(readTemplate(ctx, kind, id), kind))
    if (problems.length)
      throw new AppError('VALIDATION', `模板「${id}」有问题，不能设为默认：${problems[0]?.message}`)
  }
  setDefaultTemplate(ctx.db, kind, id === BUILTIN ? '' : id, nowStamp())
}

export function userTemplatePath(ctx: AppContext, kind: DocKind, id: string): string {
  return userPath(ctx, kind, id)
}

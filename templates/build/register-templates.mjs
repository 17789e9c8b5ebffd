// The register rosters (landscape, header row repeated on every page) and the one-page
// 社区能人登记表.
import { LANDSCAPE, mm, para, PORTRAIT, run, SIZE, tab, table, textWidth } from './ooxml.mjs'

/**
 * [header, tag, width, align]: a width above 100 is fixed (twips, sized for the longest usual
 * value: dates, phones, 3-character names); up to 100 is a share of the remaining width.
 * Digit columns allow 0.6 em a digit plus the cell padding: 仿宋 needs less, but WPS and
 * LibreOffice substitute wider fonts where 仿宋 is missing, and a phone must never wrap.
 */
const ROSTERS = {
  'talent-roster': {
    title: '{roster_title}',
    label: '人才库花名册',
    // 15 columns (the street's layout) only fit in 五号.
    size: SIZE.wu,
    cols: [
      ['序号', 'index', 560],
      ['姓名', 'name', 760],
      ['性别', 'gender', 540],
      ['出生年月', 'birth_month', 1020],
      ['政治面貌', 'political_status', 980],
      ['联系电话', 'phone', 1530],
      ['所属网格', 'grid', 12],
      ['人才类别', 'categories', 11],
      ['专业特长', 'skills', 16],
      ['参与领域', 'domains', 14, 'left'],
      ['工作状态', 'work_status', 960],
      ['工作单位或原单位', 'employer', 12, 'left'],
      ['发现方式', 'discovery', 960],
      ['入库日期', 'joined_on', 1400],
      ['备注', 'note', 760, 'left'],
    ],
  },
  'unit-roster': {
    title: '{roster_title}',
    label: '共建单位名册',
    size: SIZE.xiaosi,
    cols: [
      ['序号', 'index', 640],
      ['单位名称', 'name', 20, 'left'],
      ['单位性质', 'nature', 1100],
      ['党组织名称', 'org_name', 22, 'left'],
      ['党组织类型', 'org_type', 1320],
      ['党组织书记', 'org_secretary', 1320],
      ['党员人数', 'member_count', 800],
      ['报到党员', 'reported_count', 800],
      ['联络员', 'liaison', 900],
      ['联络员电话', 'liaison_phone', 1720],
      ['加入日期', 'joined_on', 1580],
      ['状态', 'status', 880],
    ],
  },
  'committee-roster': {
    title: '{roster_title}',
    label: '兼职委员名册',
    size: SIZE.xiaosi,
    cols: [
      ['序号', 'index', 640],
      ['姓名', 'name', 880],
      ['性别', 'gender', 600],
      ['所在共建单位', 'unit', 16, 'left'],
      ['单位职务', 'unit_post', 10],
      ['党内职务', 'party_post', 10],
      ['层级', 'level', 1400],
      ['委员类别', 'category', 13],
      ['联系电话', 'phone', 1720],
      ['任期', 'term', 2000],
      ['联系领域/网格', 'duty', 18, 'left'],
      ['状态', 'status', 700],
    ],
  },
  'household-roster': {
    title: '{roster_title}',
    label: '党员中心户名册',
    size: SIZE.xiaosi,
    cols: [
      ['序号', 'index', 640],
      ['户主姓名', 'head_name', 1100],
      ['性别', 'gender', 600],
      ['联系电话', 'phone', 1720],
      ['所属党支部/党小组', 'branch', 14, 'left'],
      ['所属网格', 'grid', 12],
      ['住址', 'address', 18, 'left'],
      ['挂牌日期', 'plaque_on', 1580],
      ['联系党员', 'contact_members', 14, 'left'],
      ['联系户数', 'link_count', 800],
      ['状态', 'status', 700],
    ],
  },
  'reported-roster': {
    title: '{roster_title}',
    label: '在职党员报到名册',
    // 11 columns with phones and dates that must not wrap: 五号, as the talent roster.
    size: SIZE.wu,
    cols: [
      ['序号', 'index', 640],
      ['姓名', 'name', 880],
      ['性别', 'gender', 600],
      ['联系电话', 'phone', 1720],
      ['工作单位', 'employer', 16, 'left'],
      ['所在党组织', 'org_name', 16, 'left'],
      ['报到日期', 'reported_on', 1580],
      ['居住网格', 'grid', 12],
      ['特长', 'skills', 12, 'left'],
      ['服务意向/认领岗位', 'service_intent', 14, 'left'],
      ['状态', 'status', 800],
    ],
  },
}

/** Fixed widths as given, the rest shared out by weight, summing exactly to total. */
function widths(specs, total) {
  const fixed = specs.filter((w) => w > 100).reduce((a, b) => a + b, 0)
  const weights = specs.filter((w) => w <= 100).reduce((a, b) => a + b, 0)
  const cols = specs.map((w) => (w > 100 ? w : Math.floor(((total - fixed) * w) / weights)))
  cols[cols.length - 1] += total - cols.reduce((a, b) => a + b, 0)
  return cols
}

export function roster(kind) {
  const spec = ROSTERS[kind]
  const page = LANDSCAPE
  const cols = widths(
    spec.cols.map((c) => c[2]),
    textWidth(page),
  )
  const head = spec.cols.map(([text]) => ({ text }))
  const last = spec.cols.length - 1
  const row = spec.cols.map(([, key, , align], i) => ({
    text: `${i === 0 ? '{#rows}' : ''}{${key}}${i === last ? '{/rows}' : ''}`,
    align: align ?? 'center',
  }))
  const small = { size: SIZE.xiaosi, grid: false, line: 400 }
  return {
    title: spec.label,
    page,
    body: [
      para([run(spec.title, { font: 'xbs', size: SIZE.er })], {
        align: 'center',
        grid: false,
        line: 700,
      }),
      para('填报单位：{party_org_name}　　填报日期：{today}　　共 {count} 条{filter_note}', {
        ...small,
        after: 100,
      }),
      table(cols, [head, row], {
        header: true,
        size: spec.size,
        rowHeight: [560, 400],
        line: spec.size === SIZE.wu ? 240 : 300,
        padH: 30,
        padV: 20,
      }),
    ],
  }
}

export const ROSTER_KINDS = Object.keys(ROSTERS)

/** 社区能人登记表: a one-page form to print, check and sign. */
export function talentCard() {
  const page = PORTRAIT
  const W = textWidth(page)
  const S = SIZE.xiaosi
  // The photo column is 25 mm (a 1寸 photo, 25 × 35 mm) and the phone column holds 11 digits
  // on one line in any substitute font.
  const photo = mm(25)
  const cols = [1220, 1150, 760, 1150, 1220, W - photo - 5500, photo]
  const label = (text, span = 1) => ({ text, span, font: 'heiti' })
  const value = (text, span = 1, align = 'center') => ({ text, span, align })
  const lines = (texts, span, h = 'left') => ({
    span,
    paras: texts.map((t) =>
      para(t, { size: S, grid: false, line: 340, align: h, indent: h === 'left' ? 2 : 0 }),
    ),
    valign: 'top',
  })
  const rows = [
    [
      label('姓　名'),
      value('{name}'),
      label('性别'),
      value('{gender}'),
      label('出生年月'),
      value('{birth_month}'),
      { text: '照片', vmerge: 'restart', font: 'fangsong' },
    ],
    [
      label('民　族'),
      value('{ethnicity}'),
      label('学历'),
      value('{education}'),
      label('政治面貌'),
      value('{political_status}'),
      { vmerge: 'continue' },
    ],
    [
      label('身份证号'),
      value('{id_card}', 3),
      label('联系电话'),
      value('{phone}'),
      { vmerge: 'continue' },
    ],
    [
      label('工作单位\n或原单位'),
      value('{employer}', 3, 'left'),
      label('职业职务'),
      value('{occupation}', 2),
    ],
    [
      label('工作状态'),
      value('{work_status}'),
      label('户籍'),
      value('{hukou}'),
      label('所属网格'),
      value('{grid}', 2),
    ],
    [label('居住地址'), value('{address}', 6, 'left')],
    [label('人才类别'), value('{categories}', 6, 'left')],
    [label('专业特长'), value('{skills}', 6, 'left')],
    [label('参与领域'), value('{domains}', 6, 'left')],
    [
      label('服务时间'),
      value('{availability}', 3, 'left'),
      label('发现方式'),
      value('{discovery}', 2),
    ],
    [label('推荐人'), value('{referrer}', 3), label('入库日期'), value('{joined_on}', 2)],
    [
      label('服务记录'),
      lines(
        [
          '{#recent_services}',
          '{service_date}　{item}{#hours}（{hours}小时）{/hours}',
          '{/recent_services}',
        ],
        6,
      ),
    ],
    [label('备　注'), value('{note}', 6, 'left')],
    [
      label('本人承诺'),
      lines(
        [
          '本人自愿加入社区治理人才库，以上信息真实准确，愿意发挥专长参与社区治理和志愿服务。本人同意社区在治理服务工作范围内使用以上信息。',
          '',
          '本人签字：　　　　　　　　　　年　　月　　日',
        ],
        6,
      ),
    ],
    [
      label('党组织\n意见'),
      lines(['', '', '（盖章）　　　　　　　　　　年　　月　　日'], 6, 'right'),
    ],
  ]
  // The three rows beside the photo are exactly 35 mm together; the rest leave room for a
  // long 专业特长 or five service records and still end on the first page.
  const heights = [662, 661, 661, 600, 560, 480, 480, 480, 480, 480, 480, 900, 480, 1400, 1100]
  return {
    title: '社区能人登记表',
    page,
    body: [
      para([run('社区能人登记表', { font: 'xbs', size: SIZE.er })], {
        align: 'center',
        grid: false,
        line: 700,
      }),
      para(
        [run('社区：{community_name}', { size: S }), tab(), run('填表日期：{today}', { size: S })],
        { size: S, grid: false, line: 360, after: 80, tabs: [{ val: 'right', pos: W }] },
      ),
      table(cols, rows, {
        size: S,
        rowHeight: heights,
        exact: [true, true, true],
        line: 320,
        padH: 80,
        padV: 20,
      }),
      para([], { grid: false, line: 20, size: 2 }),
    ],
  }
}

// The four meeting documents: 会议通知, 会议签到表, 会议纪要, 议定事项任务分解表.
import {
  blank,
  LANDSCAPE,
  mm,
  para,
  PORTRAIT,
  RED,
  rule,
  run,
  SIZE,
  tab,
  table,
  textWidth,
} from './ooxml.mjs'

const W = textWidth(PORTRAIT)
const body = (text, o = {}) => para(text, { indent: 2, ...o })
/** A 2号 小标宋 title off the grid, its lines evenly spaced (GB/T 9704 §7.3.1). */
const title = (text, o = {}) =>
  para([run(text, { font: 'xbs', size: SIZE.er, color: o.color })], {
    align: 'center',
    size: SIZE.er,
    font: 'xbs',
    grid: false,
    line: o.line ?? 680,
    ...o,
  })
const h1 = (text) => para([run(text, { font: 'heiti' })], { indent: 2, keepNext: true })
/** A paragraph that only holds a loop or condition tag (removed by paragraphLoop). */
const tag = (text) => para(text)

/** Space above a mark whose line box top lands 35 mm below the text block (§7.2.3, §10.3). */
export const MARK_BEFORE = mm(35) - 66

/**
 * 版头 (§7.2): the 发文机关标志 in red 小标宋 35 mm below the top of the text block, the
 * optional 发文字号 two lines below it, the red rule 4 mm under that, and two blank lines
 * before the title.
 */
export function masthead() {
  return [
    para([run('{issuer_mark}', { font: 'xbs', size: 60, color: RED })], {
      align: 'center',
      size: 60,
      font: 'xbs',
      grid: false,
      line: 780,
      before: MARK_BEFORE,
    }),
    tag('{#doc_number}'),
    para('{doc_number}', { align: 'center', grid: false, line: 579, before: 1158 }),
    tag('{/doc_number}'),
    rule({ color: RED, sz: 12, line: 227 }),
    blank({ grid: false }),
    blank({ grid: false }),
  ]
}

/**
 * 落款 without a seal (§7.3.5.2): one blank line under the text, then the 署名 and the date,
 * placed by the data layer (sign_org / sign_date). keepNext ties them to the text above so they
 * never stand alone on a page (§7.3.5.5).
 */
export function signature() {
  return [
    blank({ keepNext: true }),
    para('{sign_org}', { align: 'left', keepNext: true }),
    para('{sign_date}', { align: 'left' }),
  ]
}

export function notice() {
  return {
    title: '会议通知',
    page: PORTRAIT,
    body: [
      ...masthead(),
      title('{notice_title}'),
      blank(),
      para('{recipients}：'),
      body('经研究，定于{date}（{weekday}）{time}在{location}召开{title}。现将有关事项通知如下：'),
      h1('一、会议时间'),
      body('{date}（{weekday}）{time}。'),
      h1('二、会议地点'),
      body('{location}。'),
      h1('三、参会人员'),
      body('{attendee_text}。'),
      h1('四、会议议题'),
      tag('{#topics}'),
      body('（{cn_index}）{title}{#proposer}（{proposer}提出）{/proposer}'),
      tag('{/topics}'),
      tag('{^has_topics}'),
      body('会议议题另行通知。'),
      tag('{/has_topics}'),
      h1('五、有关要求'),
      body(
        '请参会人员提前10分钟到场签到。确因特殊情况不能参会的，请提前向社区党委请假，并告知会议联系人。',
        { keepNext: true },
      ),
      tag('{#has_contact}'),
      body('联系人：{contact}{#contact_phone}，联系电话：{contact_phone}{/contact_phone}。', {
        keepNext: true,
      }),
      tag('{/has_contact}'),
      ...signature(),
    ],
  }
}

export function signIn() {
  const cols = [680, 3300, 1300, 1600, 1964]
  const head = ['序号', '单位', '姓名', '职务', '签到'].map((text) => ({ text }))
  const row = [
    { text: '{#signin}{index}' },
    { text: '{unit}', align: 'left' },
    { text: '{name}' },
    { text: '{post}' },
    { text: '{/signin}' },
  ]
  // The totals are the table's last row, so they always print with it.
  const totals = [{ text: '应到 {expected_count} 人，实到　　人。', span: 5, align: 'left' }]
  const line = { size: SIZE.si, grid: false, line: 400 }
  return {
    title: '会议签到表',
    page: PORTRAIT,
    body: [
      para([run('{signin_title}', { font: 'xbs', size: SIZE.xiaoer })], {
        align: 'center',
        grid: false,
        line: 560,
        after: 160,
      }),
      para('时间：{date}（{weekday}）{time}', line),
      para('地点：{location}', { ...line, after: 100 }),
      // 25 names and the totals fit one page: rows of 7 mm, enough to sign in.
      table(cols, [head, row, totals], {
        header: true,
        size: SIZE.xiaosi,
        rowHeight: [500, 400, 480],
        line: 300,
        padV: 20,
      }),
      para([], { grid: false, line: 20, size: 2 }),
    ],
  }
}

/**
 * 出席：… with the names aligned under each other, as a borderless two-column table rather than
 * a hanging indent: LibreOffice drops a 、 hanging past the right edge of an indented paragraph.
 */
function labelled(label, text) {
  const first = 960
  return table(
    [first, W - first],
    [
      [
        { paras: [para([run(label, { font: 'heiti' })], { align: 'left', hangFix: false })] },
        { paras: [para(text)] },
      ],
    ],
    { borders: false, padH: 0, padV: 0, valign: 'top' },
  )
}

export function minutes() {
  const date = 2900
  return {
    title: '会议纪要',
    page: PORTRAIT,
    body: [
      // 纪要标志 35 mm below the top of the text block (§10.3).
      para([run('{minutes_title}', { font: 'xbs', size: 60, color: RED })], {
        align: 'center',
        size: 60,
        font: 'xbs',
        line: 780,
        before: MARK_BEFORE,
        grid: false,
      }),
      para('{issue_no}', { align: 'center', grid: false, line: 579, before: 240 }),
      // Organisation left, date right in its own cell: a long name wraps in its cell and
      // never pushes the date onto a line of its own.
      table(
        [W - date, date],
        [
          [
            { paras: [para('{party_org_name}', { align: 'left', grid: false, left: 1 })] },
            { paras: [para('{date}', { align: 'right', grid: false, right: 1 })] },
          ],
        ],
        { borders: false, padH: 0, padV: 0 },
      ),
      rule({ color: RED, sz: 16 }),
      blank(),
      body('{overview}{summary}'),
      tag('{#has_resolutions}'),
      body('现将议定事项纪要如下：'),
      tag('{/has_resolutions}'),
      tag('{^has_resolutions}'),
      body('会议未形成议定事项。'),
      tag('{/has_resolutions}'),
      tag('{#resolutions}'),
      para([run('{cn_index}、', { font: 'heiti' }), run('{content}')], { indent: 2 }),
      tag('{#duty_text}'),
      para([run('{duty_text}', { font: 'kaiti' })], { indent: 2 }),
      tag('{/duty_text}'),
      tag('{/resolutions}'),
      blank(),
      labelled('出席：', '{present}'),
      tag('{#has_leave}'),
      labelled('请假：', '{leave}'),
      tag('{/has_leave}'),
      tag('{#has_observers}'),
      labelled('列席：', '{observers}'),
      tag('{/has_observers}'),
      // 版记 (§7.4.1): a frame anchored to the bottom of the text block of the page it falls on
      // (the last), its lower rule on the block's bottom edge.
      para(
        [
          // imprint_org ends with a line break when the name and the date do not fit one line.
          run('{imprint_org}', { size: SIZE.si }),
          tab(),
          run('{issued_on}印发', { size: SIZE.si }),
        ],
        {
          size: SIZE.si,
          tabs: [{ val: 'right', pos: W - 280 }],
          left: 1,
          charTwips: 280,
          line: 560,
          grid: false,
          align: 'left',
          frameBottom: W,
          borders: { top: 8, bottom: 8 },
        },
      ),
      para([], { grid: false, line: 20, size: 2 }),
    ],
  }
}

export function tasks() {
  const page = LANDSCAPE
  // 完成时限 holds 2026.12.16 on one line in any substitute font.
  const cols = [760, 4600, 2200, 2000, 1700, 1100]
  cols.push(textWidth(page) - cols.reduce((a, b) => a + b, 0))
  const head = ['序号', '议定事项', '责任单位', '配合单位', '完成时限', '状态', '进展情况'].map(
    (text) => ({ text }),
  )
  const row = [
    { text: '{#resolutions}{index}' },
    { text: '{content}', align: 'left' },
    { text: '{lead_unit}' },
    { text: '{partners}' },
    { text: '{deadline_short}' },
    { text: '{status}' },
    { text: '{progress}{/resolutions}', align: 'left' },
  ]
  return {
    title: '议定事项任务分解表',
    page,
    body: [
      para([run('{tasks_title}', { font: 'xbs', size: SIZE.er })], {
        align: 'center',
        grid: false,
        line: 680,
      }),
      para('会议日期：{date}　　会议地点：{location}{#host}　　主持人：{host}{/host}', {
        size: SIZE.xiaosi,
        grid: false,
        line: 440,
        after: 120,
      }),
      table(cols, [head, row], {
        header: true,
        size: SIZE.xiaosi,
        rowHeight: [560, 760],
        padV: 60,
        cantSplit: false,
      }),
      tag('{^has_resolutions}'),
      para('本次会议未形成议定事项。', { size: SIZE.xiaosi, grid: false, line: 440, before: 120 }),
      tag('{/has_resolutions}'),
      para('填表单位：{party_org_name}　　填表日期：{today}', {
        size: SIZE.xiaosi,
        grid: false,
        line: 440,
        before: 120,
      }),
    ],
  }
}

// The four meeting documents: 会议通知, 会议签到表, 会议纪要, 议定事项任务分解表.
import {
  blank,
  LANDSCAPE,
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
const title = (text, o = {}) =>
  para([run(text, { font: 'xbs', size: SIZE.er, color: o.color })], {
    align: 'center',
    size: SIZE.er,
    font: 'xbs',
    line: o.line ?? 640,
    ...o,
  })
const h1 = (text) => para([run(text, { font: 'heiti' })], { indent: 2, keepNext: true })
/** A paragraph that only holds a loop or condition tag (removed by paragraphLoop). */
const tag = (text) => para(text)

/** 落款: the organisation centred over the date, the date two characters from the right. */
export function signature(org, date) {
  const cell = (text) => ({
    paras: [para(text, { align: 'center', grid: false })],
  })
  return table([3840], [[cell(org)], [cell(date)]], {
    borders: false,
    align: 'right',
    padH: 0,
  }).replace('<w:jc w:val="right"/>', '<w:jc w:val="right"/><w:tblInd w:w="0" w:type="dxa"/>')
}

export function notice() {
  return {
    title: '会议通知',
    page: PORTRAIT,
    body: [
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
      body('{index}.{title}{#proposer}（{proposer}提出）{/proposer}'),
      tag('{/topics}'),
      h1('五、有关要求'),
      body(
        '请参会人员提前10分钟到场签到。确因特殊情况不能参会的，请提前向社区党委请假，并告知会议联系人。',
      ),
      tag('{#contact}'),
      body('联系人：{contact}{#contact_phone}，联系电话：{contact_phone}{/contact_phone}。'),
      tag('{/contact}'),
      blank(),
      blank(),
      signature('{party_org_name}', '{today}'),
      // Word wants a paragraph after a table at the end of the body.
      para([], { grid: false, line: 20, size: 2 }),
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
  const line = { size: SIZE.si, grid: false, line: 440 }
  return {
    title: '会议签到表',
    page: PORTRAIT,
    body: [
      para([run('{title}签到表', { font: 'xbs', size: SIZE.xiaoer })], {
        align: 'center',
        grid: false,
        line: 600,
        after: 200,
      }),
      para('时间：{date}（{weekday}）{time}', line),
      para('地点：{location}', { ...line, after: 120 }),
      table(cols, [head, row], {
        header: true,
        size: SIZE.xiaosi,
        rowHeight: [560, 640],
        line: 320,
      }),
      para('应到 {expected_count} 人，实到　　人。', { ...line, before: 160 }),
    ],
  }
}

export function minutes() {
  const halfIndent = { left: 1 }
  return {
    title: '会议纪要',
    page: PORTRAIT,
    body: [
      para([run('{minutes_title}', { font: 'xbs', size: 60, color: RED })], {
        align: 'center',
        line: 1100,
        before: 200,
        grid: false,
      }),
      para('{issue_no}', { align: 'center' }),
      para(
        ['{party_org_name}', tab(), '{date}'].map((t) => (t.startsWith('<') ? t : run(t))),
        {
          tabs: [{ val: 'right', pos: W - 320 }],
          ...halfIndent,
        },
      ),
      rule({ color: RED, sz: 16 }),
      blank(),
      body('{overview}{summary}'),
      body('现将议定事项纪要如下：'),
      tag('{#resolutions}'),
      para([run('{cn_index}、', { font: 'heiti' }), run('{content}')], { indent: 2 }),
      para(
        [
          run('责任单位：{lead_unit}', { font: 'kaiti' }),
          run('{#partners}；配合单位：{partners}{/partners}', { font: 'kaiti' }),
          run('{#deadline}；完成时限：{deadline}{/deadline}。', { font: 'kaiti' }),
        ],
        { indent: 2 },
      ),
      tag('{/resolutions}'),
      blank(),
      para([run('出席：', { font: 'heiti' }), run('{present}')], { left: 5, hanging: 3 }),
      tag('{#has_leave}'),
      para([run('请假：', { font: 'heiti' }), run('{leave}')], { left: 5, hanging: 3 }),
      tag('{/has_leave}'),
      tag('{#has_observers}'),
      para([run('列席：', { font: 'heiti' }), run('{observers}')], { left: 5, hanging: 3 }),
      tag('{/has_observers}'),
      blank(),
      rule({ side: 'top', sz: 8, line: 120 }),
      para(
        [run('{party_org_name}', { size: SIZE.si }), tab(), run('{today}印发', { size: SIZE.si })],
        {
          size: SIZE.si,
          tabs: [{ val: 'right', pos: W - 280 }],
          left: 1,
          charTwips: 280,
          line: 560,
          grid: false,
        },
      ),
      rule({ sz: 8, line: 120 }),
    ],
  }
}

export function tasks() {
  const page = LANDSCAPE
  const cols = [760, 4600, 2200, 2000, 1500, 1100]
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
      para([run('{title}议定事项任务分解表', { font: 'xbs', size: SIZE.er })], {
        align: 'center',
        grid: false,
        line: 700,
      }),
      para('会议日期：{date}　　会议地点：{location}　　主持人：{host}', {
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
      }),
      para('填表单位：{party_org_name}　　填表日期：{today}', {
        size: SIZE.xiaosi,
        grid: false,
        line: 440,
        before: 120,
      }),
    ],
  }
}

import type { SeedInputs } from '@/lib/kb-build/validate';

/**
 * A small knowledge base of the project's own, on no particular topic, for the derived forms and
 * the look-alike guards: people with roles, institutions with long names, a compact, an act, a
 * case that names an acronym, and an organisation whose alias is an ordinary word.
 */
const article = [
  'Governor Priya Castellano of Vermont met the Coastal Wetlands Restoration Initiative on Monday.',
  'Attorney General Owen March joined her, and Justice Ruth Adler sent a letter.',
  'The National Collegiate Athletic Association said Doyle v. NCAA did not apply.',
  'Lawmakers debated the Midwest Clean Energy Interstate Compact and the Safe Harbor Act.',
  'Apple Inc. and Google declined to comment; the U.S. Senate and the Vermont Senate were silent.',
  'The Rural Health Care Alliance and the Regional Housing Council Association took part.',
  'The Coalition Against Rising Emissions asked for more care.',
].join('\n\n');

const entries = [
  {
    id: 'apple',
    category: 'organization',
    label: 'Apple Inc.',
    aliases: [{ text: 'Apple', caseSensitive: true }],
    summary: 'A technology company.',
    summaryZh: '一家科技公司。',
  },
  {
    id: 'coalition-against-rising-emissions',
    category: 'organization',
    label: 'Coalition Against Rising Emissions',
    summary: 'A climate group; its initials spell an ordinary word.',
    summaryZh: '一个气候团体，其首字母缩写恰好是一个普通单词。',
  },
  {
    id: 'coastal-wetlands-restoration-initiative',
    category: 'organization',
    label: 'Coastal Wetlands Restoration Initiative',
    summary: 'A program that restores wetlands.',
    summaryZh: '一个恢复湿地的项目。',
  },
  {
    id: 'doyle-v-ncaa',
    category: 'law',
    label: 'Doyle v. NCAA',
    summary: 'A court case about college sports.',
    summaryZh: '一宗关于大学体育的诉讼。',
  },
  {
    id: 'google',
    category: 'organization',
    label: 'Google',
    summary: 'A technology company.',
    summaryZh: '一家科技公司。',
  },
  {
    id: 'midwest-clean-energy-interstate-compact',
    category: 'organization',
    label: 'Midwest Clean Energy Interstate Compact',
    summary: 'An agreement among states on clean energy.',
    summaryZh: '各州之间关于清洁能源的协定。',
  },
  {
    id: 'national-collegiate-athletic-association',
    category: 'organization',
    label: 'National Collegiate Athletic Association',
    summary: 'The body that governs college sports.',
    summaryZh: '管理大学体育的机构。',
  },
  {
    id: 'owen-march',
    category: 'person',
    label: 'Owen March',
    summary: 'Attorney General of Ohio. He joined the meeting.',
    summaryZh: '俄亥俄州司法部长。他参加了会议。',
    roles: [{ title: 'Attorney General of Ohio', asOf: '2024', source: 'gazette' }],
  },
  {
    id: 'priya-castellano',
    category: 'person',
    label: 'Priya Castellano',
    aliases: [{ text: 'Castellano', shortForm: true }],
    summary: 'Governor of Vermont. She met the wetlands group.',
    summaryZh: '佛蒙特州州长。她会见了湿地团体。',
    roles: [{ title: 'Governor of Vermont', asOf: '2024', source: 'gazette' }],
  },
  {
    id: 'regional-housing-council-association',
    category: 'organization',
    label: 'Regional Housing Council Association',
    summary: 'A housing group whose initials another group shares.',
    summaryZh: '一个住房团体，其首字母缩写与另一个团体相同。',
  },
  {
    id: 'ruth-adler',
    category: 'person',
    label: 'Ruth Adler',
    summary: 'A justice of the Supreme Court. She sent a letter.',
    summaryZh: '最高法院的一位大法官。她寄了一封信。',
    roles: [{ title: 'Justice of the U.S. Supreme Court', asOf: '2024', source: 'gazette' }],
  },
  {
    id: 'rural-health-care-alliance',
    category: 'organization',
    label: 'Rural Health Care Alliance',
    summary: 'A health group whose initials another group shares.',
    summaryZh: '一个卫生团体，其首字母缩写与另一个团体相同。',
  },
  { id: 'safe-harbor-act', category: 'law', label: 'Safe Harbor Act', summary: 'A law.', summaryZh: '一项法律。' },
  {
    id: 'senate',
    category: 'organization',
    label: 'U.S. Senate',
    aliases: ['Senate'],
    summary: 'The upper chamber of Congress.',
    summaryZh: '国会的上院。',
  },
  { id: 'vermont', category: 'organization', label: 'Vermont', summary: 'A U.S. state.', summaryZh: '美国的一个州。' },
];

export const derivedFixture: SeedInputs = {
  sources: {
    file: 'sources.yaml',
    data: [
      {
        id: 'gazette',
        file: '01.txt',
        title: null,
        author: null,
        outlet: null,
        date: '2024',
        url: null,
        language: 'en',
      },
    ],
  },
  entryFiles: [{ file: 'entries/all.yaml', data: entries }],
  texts: { '01.txt': article },
};

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findFigures,
  parseFigure,
  readNumbers,
  type Approximation,
  type FigureUnit,
  type NumberReading,
  type ParsedFigure,
} from '@/lib/figures/number-parser';

const usd: FigureUnit = { kind: 'currency', currency: 'USD' };
const eur: FigureUnit = { kind: 'currency', currency: 'EUR' };
const gbp: FigureUnit = { kind: 'currency', currency: 'GBP' };
const cny: FigureUnit = { kind: 'currency', currency: 'CNY' };
const inr: FigureUnit = { kind: 'currency', currency: 'INR' };
const percent: FigureUnit = { kind: 'percent' };
const multiple: FigureUnit = { kind: 'multiple' };
const count = (noun: string | null = null): FigureUnit => ({ kind: 'count', noun });

interface Expected {
  value: number;
  unit: FigureUnit;
  approximation?: Approximation;
  precision?: number;
  scale?: number;
}

/** The fields a case states, read from the figure; approximation defaults to exact. */
function observed(figure: ParsedFigure, expected: Expected): Expected {
  return {
    value: figure.value,
    unit: figure.unit,
    approximation: figure.approximation,
    ...(expected.precision === undefined ? {} : { precision: figure.precision }),
    ...(expected.scale === undefined ? {} : { scale: figure.scale }),
  };
}

describe('parseFigure reads one expression', () => {
  it.each<[string, Expected]>([
    // currency
    ['$76 billion', { value: 76e9, unit: usd, precision: 1e9, scale: 1e9 }],
    ['$76.2 billion', { value: 76.2e9, unit: usd, precision: 1e8, scale: 1e9 }],
    ['$142.6 billion', { value: 142.6e9, unit: usd, precision: 1e8 }],
    ['$4,846', { value: 4846, unit: usd, precision: 1, scale: 1 }],
    ['$1.24', { value: 1.24, unit: usd, precision: 0.01 }],
    ['$76bn', { value: 76e9, unit: usd, scale: 1e9 }],
    ['$76B', { value: 76e9, unit: usd, scale: 1e9 }],
    ['76 billion dollars', { value: 76e9, unit: usd }],
    ['76 billion USD', { value: 76e9, unit: usd }],
    ['USD 76 billion', { value: 76e9, unit: usd }],
    ['US$76 billion', { value: 76e9, unit: usd }],
    ['€5 million', { value: 5e6, unit: eur, precision: 1e6 }],
    ['5 million euros', { value: 5e6, unit: eur }],
    ['£3bn', { value: 3e9, unit: gbp }],
    ['3 million pounds', { value: 3e6, unit: gbp }],
    ['$1.2 trillion', { value: 1.2e12, unit: usd, precision: 1e11, scale: 1e12 }],
    ['$500k', { value: 500_000, unit: usd, scale: 1e3 }],
    ['two million dollars', { value: 2e6, unit: usd }],
    ['more than $130 billion', { value: 130e9, unit: usd, approximation: 'more-than' }],
    // percentages
    ['83 percent', { value: 83, unit: percent, precision: 1 }],
    ['87%', { value: 87, unit: percent }],
    ['50 per cent', { value: 50, unit: percent }],
    ['12.5 percentage points', { value: 12.5, unit: percent, precision: 0.1 }],
    ['fifty percent', { value: 50, unit: percent }],
    ['Nearly 46%', { value: 46, unit: percent, approximation: 'nearly' }],
    ['around 30%', { value: 30, unit: percent, approximation: 'about' }],
    ['~40%', { value: 40, unit: percent, approximation: 'about' }],
    ['less than 5%', { value: 5, unit: percent, approximation: 'less-than' }],
    // counts
    ['41 states', { value: 41, unit: count('states') }],
    ['24 governors', { value: 24, unit: count('governors') }],
    ['209 electoral votes', { value: 209, unit: count('electoral votes') }],
    ['580,000 people', { value: 580_000, unit: count('people'), precision: 1000 }],
    ['580,000', { value: 580_000, unit: count(), precision: 1000, scale: 1 }],
    ['1,850', { value: 1850, unit: count(), precision: 1 }],
    ['1,200 lawsuits', { value: 1200, unit: count('lawsuits') }],
    ['2000 protesters', { value: 2000, unit: count('protesters'), precision: 1000 }],
    ['22 other Democratic governors', { value: 22, unit: count('other democratic governors') }],
    ['nearly 40 million', { value: 40e6, unit: count(), approximation: 'nearly', precision: 1e6, scale: 1e6 }],
    ['over 340 million guns', { value: 340e6, unit: count('guns'), approximation: 'more-than' }],
    ['1000000000000000000000000000000', { value: 1e30, unit: count() }],
    // number words
    ['Twenty-three Democratic attorneys general', { value: 23, unit: count('democratic attorneys general') }],
    ['Eight states', { value: 8, unit: count('states') }],
    ['two states', { value: 2, unit: count('states') }],
    ['one hundred', { value: 100, unit: count(), precision: 100 }],
    ['one hundred and thirty', { value: 130, unit: count(), precision: 1 }],
    ['three hundred thousand', { value: 300_000, unit: count(), precision: 1e5, scale: 1e3 }],
    ['twenty three hundred', { value: 2300, unit: count() }],
    ['a dozen', { value: 12, unit: count() }],
    ['two million', { value: 2e6, unit: count(), precision: 1e6, scale: 1e6 }],
    ['half a million', { value: 500_000, unit: count(), precision: 1e5 }],
    ['seventy-five', { value: 75, unit: count() }],
    ['A million people', { value: 1e6, unit: count('people') }],
    // multiples
    ['67 times', { value: 67, unit: multiple }],
    // approximation words
    ['more than 130', { value: 130, unit: count(), approximation: 'more-than' }],
    ['more than 130 states', { value: 130, unit: count('states'), approximation: 'more-than' }],
    ['over 130', { value: 130, unit: count(), approximation: 'more-than' }],
    ['at least 5', { value: 5, unit: count(), approximation: 'at-least' }],
    ['no fewer than 20 states', { value: 20, unit: count('states'), approximation: 'at-least' }],
    ['almost 2 million', { value: 2e6, unit: count(), approximation: 'nearly' }],
    ['just under 1,000', { value: 1000, unit: count(), approximation: 'nearly' }],
    ['about 40 million', { value: 40e6, unit: count(), approximation: 'about' }],
    ['roughly 500 miles', { value: 500, unit: count('miles'), approximation: 'about' }],
    ['approximately 12', { value: 12, unit: count(), approximation: 'about' }],
    ['some 40 states', { value: 40, unit: count('states'), approximation: 'about' }],
    ['under 30', { value: 30, unit: count(), approximation: 'less-than' }],
    ['fewer than 10 votes', { value: 10, unit: count('votes'), approximation: 'less-than' }],
    ['up to 70 seats', { value: 70, unit: count('seats'), approximation: 'at-most' }],
    ['as many as 70 seats', { value: 70, unit: count('seats'), approximation: 'at-most' }],
    ['at most 3,000 troops', { value: 3000, unit: count('troops'), approximation: 'at-most' }],
    ['no more than 5', { value: 5, unit: count(), approximation: 'at-most' }],
    ['more than a dozen states', { value: 12, unit: count('states'), approximation: 'more-than' }],
    // Chinese
    ['760亿美元', { value: 76e9, unit: usd, precision: 1e8, scale: 1e8 }],
    ['百分之八十三', { value: 83, unit: percent }],
    ['百分之12.5', { value: 12.5, unit: percent, precision: 0.1 }],
    ['83%', { value: 83, unit: percent }],
    ['2个百分点', { value: 2, unit: percent }],
    ['4.1万', { value: 41_000, unit: count(), precision: 1000, scale: 1e4 }],
    ['两千', { value: 2000, unit: count(), precision: 1000 }],
    ['二十三个州', { value: 23, unit: count('州'), precision: 1 }],
    ['两个州', { value: 2, unit: count('州') }],
    ['十个州', { value: 10, unit: count('州') }],
    ['一百三十多', { value: 130, unit: count(), approximation: 'more-than', precision: 10 }],
    ['约40万', { value: 400_000, unit: count(), approximation: 'about' }],
    ['近4000万', { value: 40e6, unit: count(), approximation: 'nearly', precision: 1e7 }],
    ['四千万', { value: 40e6, unit: count(), precision: 1e7, scale: 1e4 }],
    ['一亿二千万', { value: 1.2e8, unit: count(), precision: 1e7 }],
    ['一百零五', { value: 105, unit: count() }],
    ['三万人', { value: 30_000, unit: count('人'), scale: 1e4 }],
    ['130多万人', { value: 1.3e6, unit: count('人'), approximation: 'more-than' }],
    ['超过130个州', { value: 130, unit: count('州'), approximation: 'more-than' }],
    ['至少5000人', { value: 5000, unit: count('人'), approximation: 'at-least' }],
    ['不到10%', { value: 10, unit: percent, approximation: 'less-than' }],
    ['40万左右', { value: 400_000, unit: count(), approximation: 'about' }],
    ['4.1万人以上', { value: 41_000, unit: count('人'), approximation: 'more-than' }],
    ['5000万欧元', { value: 50e6, unit: eur }],
    ['3亿英镑', { value: 3e8, unit: gbp }],
    ['200亿元', { value: 200e8, unit: cny }],
    ['67倍', { value: 67, unit: multiple }],
    ['5万亿', { value: 5e12, unit: count(), precision: 1e12, scale: 1e12 }],
    ['五万亿美元', { value: 5e12, unit: usd, precision: 1e12, scale: 1e12 }],
    ['1.2万亿元', { value: 1.2e12, unit: cny, precision: 1e11 }],
    ['500亿卢比', { value: 500e8, unit: inr }],
    // trillion
    ['3 trillion', { value: 3e12, unit: count(), precision: 1e12, scale: 1e12 }],
    ['two trillion dollars', { value: 2e12, unit: usd, precision: 1e12 }],
    ['€1.5tn', { value: 1.5e12, unit: eur, scale: 1e12 }],
    // Indian scales, marks and digit grouping
    ['₹5 crore', { value: 5e7, unit: inr, precision: 1e7, scale: 1e7 }],
    ['Rs 3 lakh', { value: 3e5, unit: inr, precision: 1e5, scale: 1e5 }],
    ['Rs. 3 lakh', { value: 3e5, unit: inr }],
    ['Rs 3 lakhs', { value: 3e5, unit: inr }],
    ['INR 500 crore', { value: 500e7, unit: inr }],
    ['5 crore rupees', { value: 5e7, unit: inr }],
    ['₹20,000 crore', { value: 2e11, unit: inr, precision: 1e10 }],
    ['₹1.5 lakh crore', { value: 1.5e12, unit: inr, precision: 1e11, scale: 1e12 }],
    ['more than 2 crore people', { value: 2e7, unit: count('people'), approximation: 'more-than' }],
    ['two crore', { value: 2e7, unit: count(), precision: 1e7, scale: 1e7 }],
    ['one crore twenty lakh', { value: 1.2e7, unit: count(), precision: 1e5 }],
    ['five lakh crore', { value: 5e12, unit: count(), precision: 1e12, scale: 1e12 }],
    ['1,00,000', { value: 1e5, unit: count(), precision: 1e5, scale: 1 }],
    ['10,00,000 people', { value: 1e6, unit: count('people'), precision: 1e5 }],
    ['12,34,56,789', { value: 123_456_789, unit: count(), precision: 1 }],
    ['₹1,00,00,000', { value: 1e7, unit: inr, precision: 1e7 }],
    ['28,25,140 cases', { value: 2_825_140, unit: count('cases'), precision: 1 }],
    // a larger scale right after a scale multiplies it
    ['5 thousand million', { value: 5e9, unit: count(), precision: 1e9, scale: 1e9 }],
    ['two thousand million', { value: 2e9, unit: count(), precision: 1e9 }],
  ])('%s', (expression, expected) => {
    const figure = parseFigure(expression);
    if (figure === null) throw new Error(`no figure in ${expression}`);
    expect(observed(figure, expected)).toEqual({ approximation: 'exact', ...expected });
  });
});

describe('parseFigure and findFigures find no figure', () => {
  it.each<[string, string]>([
    ['year after "in"', 'in 1850'],
    ['recent year', 'in 2018'],
    ['bare year', '2025'],
    ['year before a noun it dates', 'In 2018 lawmakers passed it'],
    ['year after "the"', 'the 2020 election'],
    ['decade', 'the 1990s'],
    ['ISO date', '2025-08-18'],
    ['month and day', 'Aug 26'],
    ['full date', 'August 26, 2025'],
    ['day and month', '26 August'],
    ['numeric date', '12/05/2025'],
    ['clock time', '3:00'],
    ['time of day', '10 a.m.'],
    ['international phone number', '+1 (555) 010-2025'],
    ['local phone number', '555-0100'],
    ['version with v', 'v1.24'],
    ['dotted version', '1.2.3'],
    ['version word', 'version 2'],
    ['ordinal 2nd', '2nd'],
    ['ordinal 21st', '21st'],
    ['ordinal word', 'first'],
    ['hyphenated ordinal', 'twenty-first century'],
    ['Chinese ordinal', '第二'],
    ['Chinese ordinal with classifier', '第三个'],
    ['page', 'Page 2'],
    ['chapter', 'Chapter 3'],
    ['hash number', '#4'],
    ['No.', 'No. 5'],
    ['item of total', 'Item 3 of 10'],
    ['URL', 'https://example.com/2025/76-billion'],
    ['bare domain path', 'example.com/2025/08/18'],
    ['e-mail address', 'jane.doe42@example.org'],
    ['handle', '@voter2024 said'],
    ['list without spaces', '1,2,3'],
    ['European decimal comma', '1.234,5'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['exponent', '1e400'],
    ['pronoun one', 'one of the states'],
    ['one before a singular', 'one reason'],
    ['lone number word', 'one'],
    ['article', 'a'],
    ['compound adjective', '20-year-old'],
    ['score', '5-4 ruling'],
    ['disease name', 'COVID-19'],
    ['letter suffix', '3D'],
    ['metres without currency', '100m sprint'],
    ['other dollars', 'A$5 million'],
    ['yen or yuan mark', '¥500'],
    ['Chinese date', '2025年8月18日'],
    ['Chinese year in numerals', '二〇二五年'],
    ['Chinese article', '一个问题'],
    ['Chinese idiom 十分', '十分重要'],
    ['Chinese idiom 千万', '千万不要'],
    ['Chinese idiom 万一', '万一'],
    ['relative time', '1天前'],
    ['Indian grouping with a wrong group', '1,000,00'],
    ['Indian grouping with a short last group', '1,00,00'],
  ])('%s: %s', (_name, text) => {
    expect(parseFigure(text)).toBeNull();
    expect(findFigures(text)).toEqual([]);
  });
});

describe('readNumbers says what a number that is not a figure reads as', () => {
  it.each<[string, string, [string, NumberReading][]]>([
    ['year after "in"', 'in 1919', [['1919', 'year']]],
    ['bare year', '2025', [['2025', 'year']]],
    ['year before a noun it dates', 'In 2018 lawmakers passed it', [['2018', 'year']]],
    ['Chinese year', '2025年', [['2025年', 'year']]],
    ['decade', 'the 1990s', [['1990s', 'decade']]],
    ['ISO date', '2025-08-18', [['2025-08-18', 'date']]],
    ['full date', 'August 26, 2025', [['August 26, 2025', 'date']]],
    ['day and month', '26 August', [['26 August', 'date']]],
    ['numeric date', '12/05/2025', [['12/05/2025', 'date']]],
    ['Chinese date', '2025年8月18日', [['2025年8月18日', 'date']]],
    ['time of day', 'at 8 AM Pacific', [['8 AM', 'time']]],
    ['a time ending its sentence', 'The call starts at 8 AM.', [['8 AM', 'time']]],
    ['a time written with points', 'at 10 a.m.', [['10 a.m.', 'time']]],
    ['a web address ending its sentence', 'See example.com/2025.', [['example.com/2025', 'web address']]],
    ['clock time', '3:00', [['3:00', 'time']]],
    ['relative time', '1天前', [['1天前', 'time']]],
    ['phone number', '+1 (555) 010-2025', [['+1 (555) 010-2025', 'phone number']]],
    [
      'web address',
      'see https://example.com/2025/76-billion',
      [['https://example.com/2025/76-billion', 'web address']],
    ],
    ['e-mail address', 'jane.doe42@example.org', [['jane.doe42@example.org', 'e-mail address']]],
    ['handle', 'wrote @voter2024', [['@voter2024', 'handle']]],
    ['page', 'Page 2', [['Page 2', 'label']]],
    ['version word', 'version 2', [['version 2', 'label']]],
    ['ordinal', 'the 21st century', [['21st', 'rank']]],
    ['Chinese ordinal', '第二', [['第二', 'rank']]],
    ['disease name', 'COVID-19 cases', [['COVID-19', 'code']]],
    ['version with v', 'v1.24', [['v1.24', 'code']]],
    ['another currency', '¥500', [['¥500', 'currency']]],
    ['another dollar after letters', 'AUS$5', [['AUS$5', 'currency']]],
    ['lone number word', 'one reason', [['one', 'word']]],
    ['Chinese article', '一个问题', [['一', 'word']]],
    [
      'a year and a time, with a figure between',
      'In 1919, $76 billion at 8 AM',
      [
        ['1919', 'year'],
        ['8 AM', 'time'],
      ],
    ],
    // Read as nothing worth naming: no reading rather than a wrong one.
    ['compound adjective', '20-year-old', []],
    ['score', '5-4 ruling', []],
    ['letter suffix', '3D', []],
    ['hyphenated ordinal word', 'twenty-first century', []],
    ['a web address without digits', 'example.com', []],
    ['a figure', '$76 billion', []],
  ])('%s: %s', (_name, text, expected) => {
    expect(readNumbers(text).notFigures.map((n) => [n.text, n.reading])).toEqual(expected);
    for (const n of readNumbers(text).notFigures) expect(text.slice(n.start, n.end)).toBe(n.text);
  });

  it('reads the same figures as findFigures, and no reading overlaps a figure', () => {
    const pieces = fc.constantFrom(
      '$76 billion',
      'v1.24',
      '¥5',
      '1919',
      '8 AM',
      'COVID-19',
      'one',
      '2nd',
      'in',
      ' ',
      ', ',
      '. ',
      'states',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const { figures, notFigures } = readNumbers(text);
        expect(figures).toEqual(findFigures(text));
        for (const n of notFigures) {
          expect(figures.some((f) => n.start < f.end && f.start < n.end)).toBe(false);
        }
      }),
    );
  });
});

type Found = [text: string, value: number, unit: FigureUnit, approximation: Approximation];

describe('findFigures reads running text', () => {
  it.each<[string, Found[]]>([
    ['California has $76 billion in reserves.', [['$76 billion', 76e9, usd, 'exact']]],
    [
      'Twenty-three Democratic attorneys general filed suit.',
      [['Twenty-three Democratic attorneys general', 23, count('democratic attorneys general'), 'exact']],
    ],
    [
      'California, which boasts a staggering population of nearly 40 million, is represented by the same number of senators as Wyoming, with its meager population of 580,000.',
      [
        ['nearly 40 million', 40e6, count(), 'nearly'],
        ['580,000', 580_000, count(), 'exact'],
      ],
    ],
    ['加利福尼亚州则利用其巨额储备(760亿美元)来捍卫其政策', [['760亿美元', 76e9, usd, 'exact']]],
    [
      'Democratic attorneys general led more than 130 multistate lawsuits against the administration and won 83 percent of them.',
      [
        ['more than 130 multistate lawsuits', 130, count('multistate lawsuits'), 'more-than'],
        ['83 percent', 83, percent, 'exact'],
      ],
    ],
    [
      'Over five years, New York alone contributed $142.6 billion more than it received.',
      [
        ['Over five years', 5, count('years'), 'more-than'],
        ['$142.6 billion', 142.6e9, usd, 'exact'],
      ],
    ],
    ['California has 67 times the population of Wyoming.', [['67 times', 67, multiple, 'exact']]],
    ['Blue states cast twice as many electoral votes.', [['twice', 2, multiple, 'exact']]],
    ['Eight states have already acted; one of them did so in 2019.', [['Eight states', 8, count('states'), 'exact']]],
    ['seven and eight states', [['eight states', 8, count('states'), 'exact']]],
    [
      'twenty and thirty states',
      [
        ['twenty', 20, count(), 'exact'],
        ['thirty states', 30, count('states'), 'exact'],
      ],
    ],
    ['The Bank of North Dakota, profitable every year since 1919, offers a model.', []],
    ['Call +1 (555) 010-2025 or 555-0100 before 10 a.m. on August 26, 2025.', []],
    [
      'See Page 2, Chapter 3, #4 and No. 5 (Item 3 of 10) at https://example.com/2025/08/18 or desk2025@example.org.',
      [],
    ],
    ['Version 1.2.3 shipped in 2025; v1.24 followed on 12/05/2025 at 3:00.', []],
    [
      'He was the first of 2 candidates; the 2nd vote came on the 21st.',
      [['2 candidates', 2, count('candidates'), 'exact']],
    ],
    [
      '近4000万人口中,约40万人在一百三十多个城市',
      [
        ['近4000万人口', 40e6, count('人口'), 'nearly'],
        ['约40万人', 400_000, count('人'), 'about'],
        ['一百三十多个城市', 130, count('城市'), 'more-than'],
      ],
    ],
    ['2025年8月18日,二十三个州起诉', [['二十三个州', 23, count('州'), 'exact']]],
    [
      '3个州约5万人',
      [
        ['3个州', 3, count('州'), 'exact'],
        ['约5万人', 50_000, count('人'), 'about'],
      ],
    ],
    [
      '5 upwards of 6 states',
      [
        ['5', 5, count(), 'exact'],
        ['upwards of 6 states', 6, count('states'), 'more-than'],
      ],
    ],
    [
      '2 million billion-dollar deals',
      [['2 million billion-dollar deals', 2e6, count('billion-dollar deals'), 'exact']],
    ],
    [
      'Mrs 5 children and Mrs. 6 children',
      [
        ['5 children', 5, count('children'), 'exact'],
        ['6 children', 6, count('children'), 'exact'],
      ],
    ],
    ['one hundred constructor jobs', [['one hundred constructor jobs', 100, count('constructor jobs'), 'exact']]],
    [
      '最近3个州和附近5万人',
      [
        ['3个州', 3, count('州'), 'exact'],
        ['5万人', 50_000, count('人'), 'exact'],
      ],
    ],
  ])('%s', (text, expected) => {
    const found = findFigures(text).map((f): Found => [f.text, f.value, f.unit, f.approximation]);
    expect(found).toEqual(expected);
  });
});

describe('figure offsets', () => {
  it.each<[string, string, string]>([
    ['California has $76 billion in reserves.', '$76 billion', '76'],
    [
      'Twenty-three Democratic attorneys general filed suit.',
      'Twenty-three Democratic attorneys general',
      'Twenty-three',
    ],
    ['a staggering population of nearly 40 million, is', 'nearly 40 million', '40'],
    ['led more than 130 multistate lawsuits', 'more than 130 multistate lawsuits', '130'],
    ['they hold US$76 billion now', 'US$76 billion', '76'],
    ['储备(760亿美元)来', '760亿美元', '760'],
    ['共有二十三个州', '二十三个州', '二十三'],
    ['占百分之八十三。', '百分之八十三', '八十三'],
  ])('%s', (text, figureText, numberText) => {
    const [figure, ...rest] = findFigures(text);
    expect(rest).toEqual([]);
    const start = text.indexOf(figureText);
    const numberStart = text.indexOf(numberText, start);
    expect(figure).toMatchObject({
      start,
      end: start + figureText.length,
      numberStart,
      numberEnd: numberStart + numberText.length,
      text: figureText,
    });
  });

  it('offsets of parseFigure index the untrimmed expression', () => {
    expect(parseFigure('  $76 billion ')).toMatchObject({ start: 2, end: 13, numberStart: 3, numberEnd: 5 });
  });
});

describe('findFigures properties', () => {
  const fragments = fc.constantFrom(
    '$',
    'US$',
    '€',
    '£',
    '76',
    '4,846',
    '1.2',
    '.',
    ',',
    '-',
    '/',
    ':',
    ' ',
    '  ',
    '%',
    ' billion',
    'bn',
    'k',
    ' percent',
    ' states',
    ' times',
    'more than ',
    'upwards of ',
    'nearly ',
    'about ',
    'twenty',
    '-three',
    ' hundred',
    'one ',
    'a ',
    'half ',
    'dozen',
    '约',
    '近',
    '百分之',
    '八十三',
    '两千',
    '万',
    '亿',
    '多',
    '个',
    '州',
    '美元',
    '第',
    '年',
    'Page ',
    'No. ',
    '#',
    '@',
    'http://',
    'v',
    '2025',
    'Aug ',
    'a.m.',
    '+1 ',
    '(555)',
    'e400',
    '\u00a0',
    '\ud800',
  );
  const texts = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 120 }),
    fc.array(fc.oneof(fragments, fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join('')),
  );

  it('never throws and yields finite, ordered, non-overlapping spans within the text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const figures = findFigures(text);
        let previousEnd = 0;
        for (const f of figures) {
          expect(Number.isFinite(f.value)).toBe(true);
          expect(Number.isFinite(f.precision) && f.precision > 0).toBe(true);
          expect(previousEnd).toBeLessThanOrEqual(f.start);
          expect(f.start).toBeLessThanOrEqual(f.numberStart);
          expect(f.numberStart).toBeLessThan(f.numberEnd);
          expect(f.numberEnd).toBeLessThanOrEqual(f.end);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.text).toBe(text.slice(f.start, f.end));
          previousEnd = f.end;
        }
      }),
      // A noun read greedily ("州大") must not share its characters with the next figure's "大约".
      { numRuns: 2000, examples: [['3个州大约5万人']] },
    );
  });

  it('reads a sentence within its text exactly as the sentence alone', () => {
    const sentences = fc
      .array(fc.oneof(fragments, fc.string({ maxLength: 3 })), { maxLength: 20 })
      .map((parts) => parts.join(''));
    // What stands between sentences: spaces, line breaks, sentence punctuation.
    const ends = fc.constantFrom('. ', '.\n', '\n', '? ', '。', '！');
    fc.assert(
      fc.property(sentences, ends, sentences, sentences, ends, (before, endBefore, sentence, after, endSentence) => {
        const text = `${before}${endBefore}${sentence}${endSentence}${after}`;
        const from = before.length + endBefore.length;
        const shifted = findFigures(sentence).map((f) => ({
          ...f,
          start: f.start + from,
          end: f.end + from,
          numberStart: f.numberStart + from,
          numberEnd: f.numberEnd + from,
        }));
        expect(findFigures(text, from, from + sentence.length)).toEqual(shifted);
      }),
      {
        numRuns: 2000,
        // A match running past the sentence ("twenty" + line break + "three") is read within it.
        examples: [
          ['', '. ', 'at least twenty', 'three people', '\n'],
          ['', '. ', 'at 5 a.m', 'x', '. '],
          ['', '. ', 'since Aug', '5 people', '\n'],
          ['$', '. ', '76 billion', 'dollars', '\n'],
        ],
      },
    );
  });

  it.each<[string, number]>([
    ['thousand', 1e3],
    ['million', 1e6],
    ['billion', 1e9],
    ['trillion', 1e12],
    ['bn', 1e9],
    ['lakh', 1e5],
    ['crore', 1e7],
    ['lakh crore', 1e12],
  ])('reads $n %s as n times %d', (word, multiplier) => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const figure = parseFigure(`$${n} ${word}`);
        expect(figure?.value).toBe(n * multiplier);
        expect(figure?.unit).toEqual(usd);
      }),
    );
  });

  it.each<[string, string]>([
    ['in thousands', 'en-US'],
    ['in the Indian way', 'en-IN'],
  ])('reads an integer grouped %s as itself', (_name, locale) => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (n) => {
        const written = n.toLocaleString(locale);
        expect(parseFigure(`${written} people`)?.value).toBe(n);
      }),
      { examples: [[100_000], [123_456_789], [1_000_000_000]] },
    );
  });

  it('scales decimals exactly: "$4.35 million" is 4,350,000', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 3 }), (mantissa, decimals) => {
        const digits = String(mantissa).padStart(decimals + 1, '0');
        const written = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
        const figure = parseFigure(`$${written} million`);
        expect(figure?.value).toBe((mantissa * 1e6) / 10 ** decimals);
        expect(figure?.precision).toBe(1e6 / 10 ** decimals);
      }),
      // 4.1 * 1e6 is 4099999.9999999995 in floating point; 41 * 1e6 / 10 is exact.
      {
        examples: [
          [41, 1],
          [435, 2],
          [7, 3],
        ],
      },
    );
  });
});

/**
 * Small, general word lists, and what makes a proper name, shared by the term matcher's look-alike
 * guards (lib/matching/term-matcher.ts, run in the background over every page's text) and the
 * derived forms (lib/kb-build/derive.ts). They describe English news prose, never a knowledge
 * base: no entry's name is in them. Every word is lowercase.
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(' '));
}

/**
 * Titles and descriptors that stand before a name without being part of it ("Gov. Beshear",
 * "Attorney General Bonta", "Democrat Beshear"). A capitalised word from this list before a
 * surname does not make it another person's name. Abbreviations are listed with their period.
 */
export const TITLE_WORDS = set(
  'governor gov. gov senator sen. sen representative rep. rep congressman congresswoman president ' +
    'vice justice judge chief attorney general gen. atty. ag mayor secretary speaker leader ' +
    'lieutenant lt. commissioner director chair chairman chairwoman professor prof. dr. mr. mrs. ms. ' +
    'mr mrs ms dr sir dame lord lady king queen prince princess pope rev. reverend former then ' +
    'democrat democratic republican independent gop u.s. us associate ' +
    'assemblyman assemblywoman councilman councilwoman sheriff ambassador minister premier',
);

/**
 * Words that begin sentences or sit capitalised in headlines without naming anyone: function words,
 * pronouns, common adverbs and conjunctions, weekdays and months. "Yesterday Beshear said" and
 * "When Apple sued" are fine; "Steve Beshear" and "Big Apple" are not. Given names that are also
 * ordinary words ("Will", "Mark", "Penny") are deliberately absent: before a surname they are names.
 */
export const SENTENCE_WORDS = set(
  'a about above after again against all also although always among an and another any anyway ' +
    'are as at back be because been before being below between both but by can could did do does ' +
    'down during each either even ever every few for from further had has have he her here hers ' +
    'him his how however i if in instead into is it its just last later lately like many meanwhile ' +
    'more moreover most much my neither never nevertheless next no nonetheless nor not now of off ' +
    'often on once one only or other otherwise our out over perhaps rather really recently same ' +
    'since so some soon still such than that the their them then there therefore these they this ' +
    'those though through thus to today together tomorrow tonight too under unlike until up upon ' +
    'us very was we were what whatever when where whereas whether which while who whom whose why ' +
    'with within without would yesterday yet you your ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june ' +
    'july august september october november december ' +
    'asked according says said told added wrote noted argued called',
);

/** Suffixes after a full name that make it another person ("Donald Trump Jr."). */
export const NAME_SUFFIXES = set('jr. jr sr. sr ii iii iv');

/** Small words that join the capitalised words of a name ("Bank of North Dakota", "Printz v. United States"). */
export const NAME_CONNECTORS = set('of and the for on in to a an v. vs. vs at by &');

/**
 * A proper name, not a phrase: a capital in it, and every word capitalised (a capital or a digit
 * first, after an opening quote or bracket) or a connector: "Bank of North Dakota", "Soft
 * Secession: How Blue States Are Rewriting American Federalism" (a title's punctuation does not
 * make it a phrase). The term matcher's look-alike guard and the build's derived forms both ask.
 */
export function isProperName(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => word !== '');
  return (
    /\p{Lu}/u.test(text) &&
    words.every((word) => NAME_CONNECTORS.has(word.toLowerCase()) || /^["“'‘(]?[\p{Lu}\d]/u.test(word))
  );
}

/** A name without its parenthetical gloss: "Zoom (video-conferencing service)" is named "Zoom". */
export function bareName(text: string): string {
  return text.replace(/\s*\([^)]*\)\s*$/, '');
}

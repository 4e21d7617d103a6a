import { isAcronym } from './acronym';
import { digitAt, toDigits } from './digits';
import { foldAt, foldForm, foldKeepingCase, IGNORED, isWordAt, isWordUnit } from './fold';

/**
 * The multi-pattern automaton (Aho–Corasick over folded text) that finds every form in one read: its
 * data, compiled by the build (automatonData) and loaded by the background (loadAutomaton), and the
 * search with its word-boundary and case checks.
 */

/** One surface form to find. `caseSensitive` forms must match case exactly ("ICE", not "ice"). */
export interface MatcherForm {
  readonly text: string;
  readonly caseSensitive: boolean;
}

/** A match of form `form` (its index in the compiled list) over `text.slice(start, end)`. */
export interface FormMatch {
  readonly start: number;
  readonly end: number;
  readonly form: number;
}

/**
 * The compiled automaton as plain data: what the knowledge-base build writes and the background
 * loads (JSON, deterministic). It holds the trie and the forms' own checks; the failure links are
 * not stored, because they would more than double its size and take one linear pass to derive.
 */
export interface AutomatonData {
  /**
   * The forms' distinct folded texts, sorted by unit and front-coded: for each, how many leading
   * units it shares with the one before (digits, see digits.ts) and the units after those (joined
   * by line breaks, which no folded form holds). Read in this order they lay out the trie depth
   * first, children by unit, one new state per unit read: the trie needs nothing more.
   */
  readonly shared: string;
  readonly suffixes: string;
  /** For each form, as digits, the index of its folded text among them; one past the last for a form that folds to nothing. */
  readonly texts: string;
  /** For each form, as digits: 1 when a word boundary is checked before it, 2 after it, 3 both. */
  readonly boundaries: string;
  /**
   * For each form, its case-checked units as runs [offset, units, offset, units, …], or 0: every
   * unit of a case-sensitive form, else the units of its acronym words ("NCAA" in "Murphy v.
   * NCAA"), so an acronym never matches a lowercase or sentence-case word.
   */
  readonly caseChecks: readonly (0 | readonly (number | string)[])[];
}

/**
 * An Aho–Corasick automaton over folded text: one left-to-right read of the text finds every
 * form at once, whatever the number of forms. Typed arrays only: quick to load and to step.
 */
export interface FormAutomaton {
  /** The edges of state s are edgeStart[s] … edgeStart[s + 1] - 1, sorted by unit (binary search). */
  readonly edgeStart: Int32Array;
  readonly edgeUnit: Uint16Array;
  readonly edgeTarget: Int32Array;
  /** The root's edges on ASCII units, by unit (-1: none): most units of a text are read at the root. */
  readonly rootNext: Int32Array;
  readonly failure: Int32Array;
  /** The forms ending at state s (own output) are outputForms[outputStart[s] … outputStart[s + 1] - 1]. */
  readonly outputStart: Int32Array;
  readonly outputForms: Int32Array;
  /** Nearest state on the failure chain that has output, or -1: keeps reporting linear. */
  readonly outputLink: Int32Array;
  /** Per form: its folded length, boundary flags and case checks (caseStart[f] … caseStart[f + 1] - 1). */
  readonly formLength: Int32Array;
  readonly formBoundaries: Uint8Array;
  readonly caseStart: Int32Array;
  readonly caseOffset: Int32Array;
  readonly caseUnit: Int32Array;
}

const SPACE = 0x20;
const ASCII = 0x80;
const SUFFIX_SEPARATOR = '\n';
const BOUNDARY_BEFORE = 1;
const BOUNDARY_AFTER = 2;

/** Compiles forms into an automaton; the same data a build writes, loaded the same way. */
export function compileForms(forms: readonly MatcherForm[]): FormAutomaton {
  return loadAutomaton(automatonData(forms));
}

/** The automaton's data for `forms` (the trie, front-coded, and each form's checks). */
export function automatonData(forms: readonly MatcherForm[]): AutomatonData {
  const folded = forms.map((form) => foldForm(form.text));
  // The default sort compares UTF-16 units: the order of the trie's children.
  const distinct = [...new Set(folded.filter((text) => text.length > 0))].sort();
  const indexOf = new Map(distinct.map((text, i) => [text, i]));
  const shared: number[] = [];
  let previous = '';
  for (const text of distinct) {
    let common = 0;
    while (common < previous.length && previous.charCodeAt(common) === text.charCodeAt(common)) common++;
    shared.push(common);
    previous = text;
  }
  return {
    shared: toDigits(shared),
    suffixes: distinct.map((text, i) => text.slice(shared[i])).join(SUFFIX_SEPARATOR),
    texts: toDigits(folded.map((text) => indexOf.get(text) ?? distinct.length)),
    boundaries: toDigits(
      forms.map((form) => {
        const folded = foldForm(form.text);
        if (folded.length === 0) return 0;
        return (
          (isWordUnit(folded[0]!) ? BOUNDARY_BEFORE : 0) | (isWordUnit(folded[folded.length - 1]!) ? BOUNDARY_AFTER : 0)
        );
      }),
    ),
    caseChecks: forms.map((form) => caseChecks(foldForm(form.text, foldKeepingCase), form.caseSensitive)),
  };
}

const MAYBE_ACRONYM = /\p{Lu}[.&\d]?\p{Lu}/u;

/** The case-checked units of a form (see AutomatonData.caseChecks). */
function caseChecks(caseFolded: string, caseSensitive: boolean): 0 | (number | string)[] {
  const offsets: number[] = [];
  if (caseSensitive) {
    for (let k = 0; k < caseFolded.length; k++) offsets.push(k);
  } else if (MAYBE_ACRONYM.test(caseFolded)) {
    for (const word of caseFolded.matchAll(/[^ ]+/g)) {
      if (!isAcronym(word[0].replace(/['’]s$/, ''))) continue;
      for (let k = word.index; k < word.index + word[0].length; k++) offsets.push(k);
    }
  }
  if (offsets.length === 0) return 0;
  const runs: (number | string)[] = [];
  for (let i = 0; i < offsets.length;) {
    let j = i + 1;
    while (j < offsets.length && offsets[j] === offsets[j - 1]! + 1) j++;
    runs.push(offsets[i]!, caseFolded.slice(offsets[i], offsets[j - 1]! + 1));
    i = j;
  }
  return runs;
}

/**
 * The automaton from its data: lays the depth-first trie out as sorted edge lists and derives the
 * failure and output links in one breadth-first pass. Linear in the number of states.
 */
export function loadAutomaton(data: AutomatonData): FormAutomaton {
  const suffixes = data.suffixes === '' ? [] : data.suffixes.split(SUFFIX_SEPARATOR);
  const trie = layTrie(data, suffixes);
  const { edgeStart, edgeUnit, edgeTarget } = edgeLists(trie);
  const forms = data.texts.length;
  const automaton: FormAutomaton = {
    edgeStart,
    edgeUnit,
    edgeTarget,
    rootNext: rootTable(edgeStart, edgeUnit, edgeTarget),
    failure: new Int32Array(trie.states),
    ...outputs(data, trie, suffixes.length),
    outputLink: new Int32Array(trie.states).fill(-1),
    formBoundaries: Uint8Array.from({ length: forms }, (_, form) => digitAt(data.boundaries, form)),
    ...loadCaseChecks(data.caseChecks),
  };
  linkFailures(automaton);
  return automaton;
}

/** The trie of the distinct texts, depth first: each state's parent, unit and depth, and where each text ends. */
interface Trie {
  readonly states: number;
  readonly parent: Int32Array;
  readonly unit: Uint16Array;
  readonly depth: Int32Array;
  readonly textEnd: Int32Array;
}

function layTrie(data: AutomatonData, suffixes: readonly string[]): Trie {
  const states = 1 + suffixes.reduce((sum, suffix) => sum + suffix.length, 0);
  const parent = new Int32Array(states);
  const unit = new Uint16Array(states);
  const depth = new Int32Array(states);
  const textEnd = new Int32Array(suffixes.length);
  // path[d]: the state at depth d on the text read last; a text goes on from its shared prefix.
  const path = new Int32Array(states + 1);
  let state = 0;
  suffixes.forEach((suffix, text) => {
    const shared = digitAt(data.shared, text);
    for (let k = 0; k < suffix.length; k++) {
      state++;
      parent[state] = path[shared + k]!;
      unit[state] = suffix.charCodeAt(k);
      depth[state] = shared + k + 1;
      path[shared + k + 1] = state;
    }
    textEnd[text] = path[shared + suffix.length]!;
  });
  return { states, parent, unit, depth, textEnd };
}

/** Edges grouped by state; a state's children were numbered in unit order, so each group is sorted. */
function edgeLists({ states, parent, unit }: Trie) {
  const edgeStart = new Int32Array(states + 1);
  for (let s = 1; s < states; s++) edgeStart[parent[s]! + 1]!++;
  for (let s = 0; s < states; s++) edgeStart[s + 1]! += edgeStart[s]!;
  const edgeUnit = new Uint16Array(states - 1);
  const edgeTarget = new Int32Array(states - 1);
  const filled = new Int32Array(states);
  for (let s = 1; s < states; s++) {
    const edge = edgeStart[parent[s]!]! + filled[parent[s]!]!++;
    edgeUnit[edge] = unit[s]!;
    edgeTarget[edge] = s;
  }
  return { edgeStart, edgeUnit, edgeTarget };
}

/** Which forms end at each state (in form order), and each form's length. */
function outputs(data: AutomatonData, { states, depth, textEnd }: Trie, texts: number) {
  const forms = data.texts.length;
  const ends = Int32Array.from({ length: forms }, (_, form) => {
    const text = digitAt(data.texts, form);
    return text < texts ? textEnd[text]! : -1;
  });
  const outputStart = new Int32Array(states + 1);
  for (const end of ends) if (end >= 0) outputStart[end + 1]!++;
  for (let s = 0; s < states; s++) outputStart[s + 1]! += outputStart[s]!;
  const outputForms = new Int32Array(outputStart[states]!);
  const written = new Int32Array(states);
  const formLength = new Int32Array(forms);
  ends.forEach((end, form) => {
    if (end < 0) return;
    outputForms[outputStart[end]! + written[end]!++] = form; // in form order
    formLength[form] = depth[end]!;
  });
  return { outputStart, outputForms, formLength };
}

function rootTable(edgeStart: Int32Array, edgeUnit: Uint16Array, edgeTarget: Int32Array): Int32Array {
  const table = new Int32Array(ASCII).fill(-1);
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) if (edgeUnit[e]! < ASCII) table[edgeUnit[e]!] = edgeTarget[e]!;
  return table;
}

function loadCaseChecks(checks: AutomatonData['caseChecks']) {
  const caseStart = new Int32Array(checks.length + 1);
  const offsets: number[] = [];
  const units: number[] = [];
  checks.forEach((runs, form) => {
    for (let r = 0; runs !== 0 && r < runs.length; r += 2) {
      const [offset, run] = [runs[r] as number, runs[r + 1] as string];
      for (let k = 0; k < run.length; k++) {
        offsets.push(offset + k);
        units.push(run.charCodeAt(k));
      }
    }
    caseStart[form + 1] = offsets.length;
  });
  return { caseStart, caseOffset: Int32Array.from(offsets), caseUnit: Int32Array.from(units) };
}

/** Fills the failure and output links, breadth first (a state's links depend on shallower ones). */
function linkFailures(automaton: FormAutomaton): void {
  const { edgeStart, edgeUnit, edgeTarget, failure, outputStart, outputLink } = automaton;
  const hasOutput = (state: number) => outputStart[state + 1]! > outputStart[state]!;
  const queue = new Int32Array(edgeTarget.length);
  let tail = 0;
  for (let e = edgeStart[0]!; e < edgeStart[1]!; e++) queue[tail++] = edgeTarget[e]!;
  for (let head = 0; head < tail; head++) {
    const state = queue[head]!;
    for (let e = edgeStart[state]!; e < edgeStart[state + 1]!; e++) {
      const unit = edgeUnit[e]!;
      const next = edgeTarget[e]!;
      let fallback = failure[state]!;
      let target = step(automaton, fallback, unit);
      while (target === -1 && fallback !== 0) {
        fallback = failure[fallback]!;
        target = step(automaton, fallback, unit);
      }
      failure[next] = target !== -1 && target !== next ? target : 0;
      const failState = failure[next]!;
      outputLink[next] = hasOutput(failState) ? failState : outputLink[failState]!;
      queue[tail++] = next;
    }
  }
}

/** The state reached from `state` on `unit`, or -1 when it has no such edge. */
function step(automaton: FormAutomaton, state: number, unit: number): number {
  if (state === 0 && unit < ASCII) return automaton.rootNext[unit]!;
  const { edgeUnit } = automaton;
  let low = automaton.edgeStart[state]!;
  let high = automaton.edgeStart[state + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = edgeUnit[middle]!;
    if (found === unit) return automaton.edgeTarget[middle]!;
    if (found < unit) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * Every occurrence of every form in `text` that sits on word boundaries (for scripts that have
 * them) and has the right case, in order of end, then longest first, then form index. Overlaps are
 * left to the caller. Runs of whitespace in the text read as one space; BARRIER stops every match.
 */
export function findFormMatches(automaton: FormAutomaton, text: string): FormMatch[] {
  const { failure, outputStart, outputForms, outputLink, formLength, formBoundaries, caseStart } = automaton;
  const matches: FormMatch[] = [];
  // positions[k] is the text offset of the k-th unit the automaton read (spaces collapsed).
  const positions = new Int32Array(text.length);
  let read = 0;
  let state = 0;
  let previousWasSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = foldAt(text, i);
    if (code === IGNORED) continue; // invisible: read past, as if it were not there
    if (code === SPACE) {
      if (previousWasSpace) continue;
      previousWasSpace = true;
    } else {
      previousWasSpace = false;
    }
    positions[read++] = i;
    let next = step(automaton, state, code);
    while (next === -1 && state !== 0) {
      state = failure[state]!;
      next = step(automaton, state, code);
    }
    state = next === -1 ? 0 : next;
    for (let reporting = state; reporting > 0; reporting = outputLink[reporting]!) {
      for (let o = outputStart[reporting]!; o < outputStart[reporting + 1]!; o++) {
        const form = outputForms[o]!;
        const firstRead = read - formLength[form]!;
        const start = positions[firstRead]!;
        const end = i + 1;
        const boundaries = formBoundaries[form]!;
        if (boundaries & BOUNDARY_BEFORE && isWordAt(text, start - 1, -1)) continue;
        if (boundaries & BOUNDARY_AFTER && isWordAt(text, end, 1)) continue;
        if (caseStart[form + 1]! > caseStart[form]! && !caseMatches(automaton, text, positions, firstRead, form)) {
          continue;
        }
        matches.push({ start, end, form });
      }
    }
  }
  return matches;
}

function caseMatches(
  automaton: FormAutomaton,
  text: string,
  positions: Int32Array,
  firstRead: number,
  form: number,
): boolean {
  const { caseStart, caseOffset, caseUnit } = automaton;
  for (let c = caseStart[form]!; c < caseStart[form + 1]!; c++) {
    const actual = foldAt(text, positions[firstRead + caseOffset[c]!]!, foldKeepingCase);
    if (actual !== caseUnit[c]) return false;
  }
  return true;
}

/**
 * Picks leftmost-longest, non-overlapping matches: at each start the longest wins, and a match
 * that begins inside an accepted one is dropped; matches with the same span keep their order in
 * `matches` (findFormMatches reports them by form index). `accept` can veto a match in reading
 * order (e.g. a surname before its full name), after which the next candidate is considered.
 */
export function selectLeftmostLongest<T extends { readonly start: number; readonly end: number }>(
  matches: readonly T[],
  accept: (match: T) => boolean = () => true,
): T[] {
  const ordered = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: T[] = [];
  let coveredUntil = 0;
  for (const match of ordered) {
    if (match.start < coveredUntil) continue;
    if (!accept(match)) continue;
    chosen.push(match);
    coveredUntil = match.end;
  }
  return chosen;
}

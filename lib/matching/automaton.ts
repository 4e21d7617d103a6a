import { isAcronym } from './acronym';
import { foldAt, foldForm, foldKeepingCase, IGNORED, isWordAt, isWordUnit } from './fold';

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

interface CompiledForm {
  readonly folded: string;
  readonly caseFolded: string;
  /**
   * Offsets into `caseFolded` whose case must match: every unit of a case-sensitive form, else the
   * units of its acronym words ("NCAA" in "Murphy v. NCAA"), so an acronym never matches a
   * lowercase or sentence-case word. Null when nothing is case-checked.
   */
  readonly caseChecked: Int32Array | null;
  readonly boundaryBefore: boolean;
  readonly boundaryAfter: boolean;
}

/**
 * An Aho–Corasick automaton over folded text: one left-to-right read of the text finds every
 * form at once, whatever the number of forms. Compiled once from the knowledge base.
 */
export interface FormAutomaton {
  readonly forms: readonly CompiledForm[];
  /** transitions[state] maps a folded UTF-16 unit to the next state. */
  readonly transitions: readonly Map<number, number>[];
  readonly failure: Int32Array;
  /** Forms ending at each state (own output). */
  readonly output: readonly (readonly number[])[];
  /** Nearest state on the failure chain that has output, or -1: keeps reporting linear. */
  readonly outputLink: Int32Array;
}

const SPACE = 0x20;

export function compileForms(forms: readonly MatcherForm[]): FormAutomaton {
  const transitions: Map<number, number>[] = [new Map()];
  const output: number[][] = [[]];
  const compiled: CompiledForm[] = forms.map((form, index) => {
    const folded = foldForm(form.text);
    let state = 0;
    for (let i = 0; i < folded.length; i++) {
      const code = folded.charCodeAt(i);
      const row = transitions[state]!;
      let next = row.get(code);
      if (next === undefined) {
        next = transitions.length;
        transitions.push(new Map());
        output.push([]);
        row.set(code, next);
      }
      state = next;
    }
    if (folded.length > 0) output[state]!.push(index);
    const caseFolded = foldForm(form.text, foldKeepingCase);
    return {
      folded,
      caseFolded,
      caseChecked: caseCheckedUnits(caseFolded, form.caseSensitive),
      boundaryBefore: folded.length > 0 && isWordUnit(folded[0]!),
      boundaryAfter: folded.length > 0 && isWordUnit(folded[folded.length - 1]!),
    };
  });

  const failure = new Int32Array(transitions.length);
  const outputLink = new Int32Array(transitions.length).fill(-1);
  const queue: number[] = [];
  for (const next of transitions[0]!.values()) queue.push(next);
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [code, next] of transitions[state]!) {
      let fallback = failure[state]!;
      while (fallback !== 0 && !transitions[fallback]!.has(code)) fallback = failure[fallback]!;
      const target = transitions[fallback]!.get(code);
      failure[next] = target !== undefined && target !== next ? target : 0;
      const failState = failure[next]!;
      outputLink[next] = output[failState]!.length > 0 ? failState : outputLink[failState]!;
      queue.push(next);
    }
  }
  return { forms: compiled, transitions, failure, output, outputLink };
}

const MAYBE_ACRONYM = /\p{Lu}[.&\d]?\p{Lu}/u;

/** The units of a form whose case is checked (see CompiledForm.caseChecked). */
function caseCheckedUnits(caseFolded: string, caseSensitive: boolean): Int32Array | null {
  if (caseSensitive) return Int32Array.from({ length: caseFolded.length }, (_, k) => k);
  if (!MAYBE_ACRONYM.test(caseFolded)) return null; // most forms: no two capitals in a row
  const checked: number[] = [];
  for (const word of caseFolded.matchAll(/[^ ]+/g)) {
    if (!isAcronym(word[0].replace(/['’]s$/, ''))) continue;
    for (let k = word.index; k < word.index + word[0].length; k++) checked.push(k);
  }
  return checked.length > 0 ? Int32Array.from(checked) : null;
}

/**
 * Every occurrence of every form in `text` that sits on word boundaries (for scripts that have
 * them) and has the right case, in order of end, then longest first, then form index. Overlaps are
 * left to the caller. Runs of whitespace in the text read as one space; BARRIER stops every match.
 */
export function findFormMatches(automaton: FormAutomaton, text: string): FormMatch[] {
  const { transitions, failure, output, outputLink, forms } = automaton;
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
    let next = transitions[state]!.get(code);
    while (next === undefined && state !== 0) {
      state = failure[state]!;
      next = transitions[state]!.get(code);
    }
    state = next ?? 0;
    for (let reporting = state; reporting > 0; reporting = outputLink[reporting]!) {
      for (const formIndex of output[reporting]!) {
        const form = forms[formIndex]!;
        const firstRead = read - form.folded.length;
        const start = positions[firstRead]!;
        const end = i + 1;
        if (form.boundaryBefore && isWordAt(text, start - 1, -1)) continue;
        if (form.boundaryAfter && isWordAt(text, end, 1)) continue;
        if (form.caseChecked && !caseMatches(text, positions, firstRead, form)) continue;
        matches.push({ start, end, form: formIndex });
      }
    }
  }
  return matches;
}

function caseMatches(text: string, positions: Int32Array, firstRead: number, form: CompiledForm): boolean {
  for (const k of form.caseChecked!) {
    const actual = foldAt(text, positions[firstRead + k]!, foldKeepingCase);
    if (actual !== form.caseFolded.charCodeAt(k)) return false;
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

import { isAcronym } from './acronym';
import { digitAt, toDigits } from './digits';
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

/**
 * The compiled automaton as plain data: what the knowledge-base build writes and the content script
 * loads (JSON, deterministic). It holds the trie and the forms' own checks; the failure links are
 * not stored, because they would more than double its size and take one linear pass to derive.
 */
export interface AutomatonData {
  /** The folded unit on the edge into each state but the root, states in depth-first order, children by unit. */
  readonly units: string;
  /** How many children each state has, in the same order, as digits (see digits.ts). */
  readonly children: string;
  /**
   * For each form, the state where it ends (-1 for a form that folds to nothing), as the difference
   * from the previous form's: the forms of one entry often end near each other, and gzip does better.
   */
  readonly ends: readonly number[];
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
const BOUNDARY_BEFORE = 1;
const BOUNDARY_AFTER = 2;

/** Compiles forms into an automaton; the same data a build writes, loaded the same way. */
export function compileForms(forms: readonly MatcherForm[]): FormAutomaton {
  return loadAutomaton(automatonData(forms));
}

/** The automaton's data for `forms` (the trie, in depth-first order, and each form's checks). */
export function automatonData(forms: readonly MatcherForm[]): AutomatonData {
  interface TrieNode {
    readonly next: Map<number, TrieNode>;
    id: number;
  }
  const root: TrieNode = { next: new Map(), id: 0 };
  const endNodes = forms.map((form) => {
    const folded = foldForm(form.text);
    if (folded.length === 0) return null;
    let node = root;
    for (let i = 0; i < folded.length; i++) {
      const unit = folded.charCodeAt(i);
      let next = node.next.get(unit);
      if (!next) node.next.set(unit, (next = { next: new Map(), id: -1 }));
      node = next;
    }
    return node;
  });
  const units: string[] = [];
  const children: number[] = [];
  const stack: [number, TrieNode][] = [[-1, root]];
  while (stack.length > 0) {
    const [unit, node] = stack.pop()!;
    node.id = children.length;
    if (unit !== -1) units.push(String.fromCharCode(unit));
    children.push(node.next.size);
    // Pushed in descending order so that they are numbered in ascending order.
    for (const edge of [...node.next].sort((a, b) => b[0] - a[0])) stack.push(edge);
  }
  return {
    units: units.join(''),
    children: toDigits(children),
    ends: endNodes.map((node, form) => (node?.id ?? -1) - (form === 0 ? 0 : (endNodes[form - 1]?.id ?? -1))),
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
  const states = data.children.length;
  const children = (state: number) => digitAt(data.children, state);
  const edgeStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) edgeStart[s + 1] = edgeStart[s]! + children(s);
  const edgeUnit = new Uint16Array(states - 1);
  const edgeTarget = new Int32Array(states - 1);
  const depth = new Int32Array(states);
  // Depth-first order: a state's parent is the nearest state on the stack with children left.
  const filled = new Int32Array(states);
  const path: number[] = [0];
  for (let s = 1; s < states; s++) {
    while (filled[path[path.length - 1]!] === children(path[path.length - 1]!)) path.pop();
    const parent = path[path.length - 1]!;
    const edge = edgeStart[parent]! + filled[parent]!++;
    edgeUnit[edge] = data.units.charCodeAt(s - 1);
    edgeTarget[edge] = s;
    depth[s] = depth[parent]! + 1;
    path.push(s);
  }

  const forms = data.ends.length;
  const ends = new Int32Array(forms);
  for (let form = 0; form < forms; form++) ends[form] = (form === 0 ? 0 : ends[form - 1]!) + data.ends[form]!;
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

  const automaton: FormAutomaton = {
    edgeStart,
    edgeUnit,
    edgeTarget,
    rootNext: rootTable(edgeStart, edgeUnit, edgeTarget),
    failure: new Int32Array(states),
    outputStart,
    outputForms,
    outputLink: new Int32Array(states).fill(-1),
    formLength,
    formBoundaries: Uint8Array.from({ length: forms }, (_, form) => digitAt(data.boundaries, form)),
    ...loadCaseChecks(data.caseChecks),
  };
  linkFailures(automaton);
  return automaton;
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

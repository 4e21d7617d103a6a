/**
 * Which saved articles hold each fingerprint, in memory, for an import: the saved articles a new
 * one is compared with are those sharing the most fingerprints with it (as a save finds them in the
 * database's index). A site's footer makes a few fingerprints shared by every article of the site,
 * so counting must stay cheap as those lists grow: counts go in a typed array indexed by article id,
 * and the most shared are picked in one pass, not by sorting every article that shares one.
 */
export class FingerprintHolders {
  private readonly holders = new Map<number, number[]>();
  private counts = new Int32Array(1024);

  /**
   * Records that article `id` holds `prints`. An article updated during the import is added again
   * and keeps its old fingerprints too until the import ends (it may then take a comparison place).
   */
  add(id: number, prints: readonly number[]): void {
    for (const print of prints) {
      const list = this.holders.get(print);
      if (!list) this.holders.set(print, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  }

  /**
   * The ids of the articles sharing the most of `prints` (never `self`), at most `limit`: most
   * shared first, and among equals the lower id (the article saved first).
   */
  mostShared(prints: readonly number[], self: number | undefined, limit: number): number[] {
    const touched: number[] = [];
    for (const print of prints) {
      for (const id of this.holders.get(print) ?? []) {
        if (id === self) continue;
        if (id >= this.counts.length) this.grow(id);
        const count = this.counts[id]!;
        this.counts[id] = count + 1;
        if (count === 0) touched.push(id);
      }
    }
    const counts = this.counts;
    const before = (a: number, b: number) => counts[a]! > counts[b]! || (counts[a] === counts[b] && a < b);
    const best: number[] = [];
    for (const id of touched) {
      if (best.length === limit && !before(id, best[limit - 1]!)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      while (at > 0 && before(id, best[at - 1]!)) {
        best[at] = best[at - 1]!;
        at--;
      }
      best[at] = id;
    }
    for (const id of touched) counts[id] = 0;
    return best;
  }

  private grow(id: number): void {
    const larger = new Int32Array(Math.max(id + 1, this.counts.length * 2));
    larger.set(this.counts);
    this.counts = larger;
  }
}

import { kbIndex } from '@/lib/kb/index-data';
import { bundledSourceTexts } from '@/lib/kb/source-texts-data';
import { MySourcesDatabase } from '@/lib/my-sources/db';
import { importPackFile, type ImportWorkerReply, type ImportWorkerRequest } from '@/lib/my-sources/import';
import { createKnowledge, trackedEntry } from '@/lib/my-sources/indexing';

// The options page's import worker: reads, checks and writes a knowledge pack off the page's main
// thread (a 50 MB pack's JSON.parse alone would freeze the page). Wiring only: see import.ts.
// The project's types are the DOM's (a worker's own lib would clash with them): this is all it uses.
const worker = self as unknown as {
  postMessage(message: ImportWorkerReply): void;
  onmessage: ((event: MessageEvent<ImportWorkerRequest>) => void) | null;
};
const reply = (message: ImportWorkerReply) => worker.postMessage(message);
let cancelled = false;

worker.onmessage = async ({ data }: MessageEvent<ImportWorkerRequest>) => {
  if (data.type === 'cancel') {
    cancelled = true;
    return;
  }
  const db = new MySourcesDatabase();
  const outcome = await importPackFile(
    db,
    data.file,
    async () => createKnowledge(kbIndex, bundledSourceTexts, (await db.tracked.toArray()).map(trackedEntry)),
    { onProgress: (progress) => reply({ type: 'progress', progress }), cancelled: () => cancelled },
    { language: data.language },
  );
  db.close();
  reply({ type: 'done', outcome });
};

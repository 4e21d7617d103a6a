/**
 * Bundled into each page of the metadata suite (tests/e2e/page-metadata.e2e.ts): what the content
 * script reads about the page when the reader saves it.
 */
import { readPageMetadata, type PageMetadata } from '@/lib/my-sources/metadata';

export interface MetadataReading {
  readonly metadata: PageMetadata;
  /** How long reading the metadata took, in ms. */
  readonly ms: number;
}

const metadataReading = {
  read(): MetadataReading {
    const started = performance.now();
    const metadata = readPageMetadata(document, location.href);
    return { metadata, ms: performance.now() - started };
  },
};

export type MetadataEntry = typeof metadataReading;
(window as unknown as { crosscheckMetadata: MetadataEntry }).crosscheckMetadata = metadataReading;

import { kbDetails } from '@/lib/kb/details-data';
import { lookupEntry } from '@/lib/kb/lookup';
import { isEntryRequest } from '@/lib/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts and pages may ask; anything else gets no answer.
    if (sender.id !== browser.runtime.id || !isEntryRequest(message)) return undefined;
    return Promise.resolve(lookupEntry(kbDetails, message.id));
  });
});

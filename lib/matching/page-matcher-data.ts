/**
 * The page matcher the knowledge-base build compiled (`npm run kb` writes it): what the background
 * loads, as is, instead of compiling the automaton at each start of its worker.
 */
import pageMatcherJson from '../kb/generated/page-matcher.json';
import type { PrecompiledPageMatcher } from './page-matcher';

export const precompiledPageMatcher = pageMatcherJson as unknown as PrecompiledPageMatcher;

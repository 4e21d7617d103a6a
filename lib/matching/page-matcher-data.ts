/**
 * The page matcher the knowledge-base build compiled (`npm run kb` writes it): what the content
 * script loads, as is, instead of compiling the automaton on each page.
 */
import pageMatcherJson from '../kb/generated/page-matcher.json';
import type { PrecompiledPageMatcher } from './page-matcher';

export const precompiledPageMatcher = pageMatcherJson as unknown as PrecompiledPageMatcher;

export { normaliseText, tokenise, unifyScript } from './normalise.ts';
export type { NormaliseOptions } from './normalise.ts';
export { foldConfusables } from './confusables.ts';
export type { FoldOptions } from './confusables.ts';
export { textKey } from './hash.ts';
export { normaliseUrl, hostOfUrl, registrableDomain } from './url-normalise.ts';

/** Template filling: {slot} markers replaced by words of the language's slot lists. */
import type { Rng } from './prng.ts';
import { VOCABULARY, type Lang } from './vocabulary.ts';

const SLOT_RE = /\{(\w+)\}/g;

/** Fills a template's {slots} from the language's slot lists. */
export function fillTemplate(rng: Rng, lang: Lang, template: string): string {
  const slots = VOCABULARY[lang].slots;
  return template.replace(SLOT_RE, (_m, name: string) => {
    const options = slots[name];
    return options ? rng.pick(options) : name;
  });
}

/**
 * A small reader of STIX 2.1 patterns (STIX 2.1 spec, §9 "STIX Patterning"), enough to take the
 * account ids out of indicators such as
 * `[user-account:account_type = 'twitter' AND user-account:user_id = '12345']`.
 * A tokenizer and a recursive-descent parser, never eval. Each observation expression `[...]` is
 * turned into disjunctive normal form: a list of conjunctions of comparisons.
 */

export interface Comparison {
  /** Object path, e.g. `user-account:user_id`. */
  path: string;
  op: string;
  /** Literal value(s); IN gives several. */
  values: string[];
  negated: boolean;
}

type Token =
  | { t: 'str'; v: string }
  | { t: 'word'; v: string }
  | { t: 'op'; v: string }
  | { t: 'punct'; v: '[' | ']' | '(' | ')' | ',' };

const OPERATORS = ['>=', '<=', '!=', '=', '>', '<'];

/** Splits a pattern into tokens; throws a message on what it cannot read. */
export function tokenisePattern(pattern: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const s = pattern;
  while (i < s.length) {
    const c = s[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '[' || c === ']' || c === '(' || c === ')' || c === ',') {
      out.push({ t: 'punct', v: c });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => s.startsWith(o, i));
    if (op) {
      out.push({ t: 'op', v: op });
      i += op.length;
      continue;
    }
    // String literal, optionally prefixed (t'' timestamps, b'' binary, h'' hex).
    const prefixed = /[tbh]/.test(c) && s[i + 1] === "'";
    if (c === "'" || prefixed) {
      let j = prefixed ? i + 2 : i + 1;
      let v = '';
      for (;;) {
        if (j >= s.length) throw new Error('unterminated string literal');
        const d = s[j]!;
        if (d === '\\') {
          const e = s[j + 1];
          if (e !== "'" && e !== '\\') throw new Error(`invalid escape \\${e ?? ''}`);
          v += e;
          j += 2;
          continue;
        }
        if (d === "'") break;
        v += d;
        j++;
      }
      out.push({ t: 'str', v });
      i = j + 1;
      continue;
    }
    const word = /^[A-Za-z0-9_\-.:*'"]+/.exec(s.slice(i));
    if (!word) throw new Error(`unexpected character '${c}' at ${i}`);
    out.push({ t: 'word', v: word[0] });
    i += word[0].length;
  }
  return out;
}

/**
 * The observation expressions of a pattern, each in disjunctive normal form. Qualifiers
 * (WITHIN, REPEATS, START/STOP) and FOLLOWEDBY are accepted and ignored: they do not change
 * which accounts the pattern names.
 */
export function parsePattern(pattern: string): Comparison[][][] {
  const tokens = tokenisePattern(pattern);
  let p = 0;
  const peek = (): Token | undefined => tokens[p];
  const isWord = (tok: Token | undefined, w: string): boolean =>
    tok?.t === 'word' && tok.v.toUpperCase() === w;
  const expect = (v: string): void => {
    const tok = tokens[p];
    if (!tok || tok.v !== v) throw new Error(`expected '${v}'`);
    p++;
  };

  const comparison = (): Comparison[][] => {
    const tok = peek();
    if (tok?.t === 'punct' && tok.v === '(') {
      p++;
      const inner = orExpr();
      expect(')');
      return inner;
    }
    if (tok?.t !== 'word' || !tok.v.includes(':'))
      throw new Error('expected an object path such as user-account:user_id');
    p++;
    let negated = false;
    if (isWord(peek(), 'NOT')) {
      negated = true;
      p++;
    }
    const opTok = peek();
    let op: string;
    if (opTok?.t === 'op') op = opTok.v;
    else if (
      opTok?.t === 'word' &&
      ['IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'].includes(opTok.v.toUpperCase())
    ) {
      op = opTok.v.toUpperCase();
    } else throw new Error(`expected a comparison operator after ${tok.v}`);
    p++;
    const values: string[] = [];
    if (op === 'IN') {
      expect('(');
      for (;;) {
        const v = peek();
        if (!v || (v.t !== 'str' && v.t !== 'word'))
          throw new Error('expected a literal in IN (...)');
        values.push(v.v);
        p++;
        if (peek()?.v === ',') {
          p++;
          continue;
        }
        expect(')');
        break;
      }
    } else {
      const v = peek();
      if (!v || (v.t !== 'str' && v.t !== 'word'))
        throw new Error(`expected a literal after ${op}`);
      values.push(v.v);
      p++;
    }
    return [[{ path: tok.v, op, values, negated }]];
  };
  const andExpr = (): Comparison[][] => {
    let left = comparison();
    while (isWord(peek(), 'AND')) {
      p++;
      const right = comparison();
      left = left.flatMap((a) => right.map((b) => [...a, ...b]));
    }
    return left;
  };
  function orExpr(): Comparison[][] {
    let left = andExpr();
    while (isWord(peek(), 'OR')) {
      p++;
      left = [...left, ...andExpr()];
    }
    return left;
  }

  const observations: Comparison[][][] = [];
  const skipQualifiers = (): void => {
    for (;;) {
      const tok = peek();
      if (isWord(tok, 'WITHIN'))
        p += 3; // WITHIN n SECONDS
      else if (isWord(tok, 'REPEATS'))
        p += 3; // REPEATS n TIMES
      else if (isWord(tok, 'START'))
        p += 4; // START t'..' STOP t'..'
      else return;
    }
  };
  const observationExpr = (): void => {
    const tok = peek();
    if (tok?.t === 'punct' && tok.v === '[') {
      p++;
      observations.push(orExpr());
      expect(']');
    } else if (tok?.t === 'punct' && tok.v === '(') {
      p++;
      observationList();
      expect(')');
    } else throw new Error("expected '[' to open an observation expression");
    skipQualifiers();
  };
  function observationList(): void {
    observationExpr();
    while (isWord(peek(), 'AND') || isWord(peek(), 'OR') || isWord(peek(), 'FOLLOWEDBY')) {
      p++;
      observationExpr();
    }
  }
  observationList();
  if (p !== tokens.length) throw new Error('unexpected text after the pattern');
  return observations;
}

/** The accounts a pattern names: `{ userId, accountType }` per conjunction that fixes a user_id. */
export function accountsOfPattern(
  pattern: string,
): { userId: string; accountType: string | null }[] {
  const out: { userId: string; accountType: string | null }[] = [];
  for (const obs of parsePattern(pattern)) {
    for (const conj of obs) {
      const pos = conj.filter((c) => !c.negated && (c.op === '=' || c.op === 'IN'));
      const ids = pos.filter((c) => c.path === 'user-account:user_id').flatMap((c) => c.values);
      const type = pos.find((c) => c.path === 'user-account:account_type')?.values[0] ?? null;
      for (const id of ids) out.push({ userId: id, accountType: type });
    }
  }
  return out;
}

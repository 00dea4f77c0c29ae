import { describe, expect, it } from 'vitest';
import { EntityRegistry } from '../entities/registry.ts';
import { PostClassifier } from '../classify/post-classifier.ts';
import { loadRules, parseRules } from './load-rules.ts';

const HEAD = `version: 1
stance: { pro: [praise, martyrdom], anti: [condemnation] }
rules:
`;

describe('rules validation', () => {
  it('accepts the shipped default rules', () => {
    const r = loadRules();
    expect(r.rules.map((x) => x.name)).toContain('glorification-framing');
  });
  it('names the rule and the field of a bad label', () => {
    expect(() => parseRules(HEAD + '  - { name: praise-rule, priority: 5, label: glorified }\n', 'r.yaml')).toThrow(/rule 'praise-rule' \(rules\[0\]\) field label/);
  });
  it('names the rule and the field of an unknown lexicon', () => {
    expect(() =>
      parseRules(HEAD + '  - name: call\n    priority: 5\n    label: support\n    when: { all: [ { flag: has_entity }, { lexicon: recruitmnet } ] }\n', 'r.yaml'),
    ).toThrow(/rule 'call' \(rules\[0\]\) field when\.all\[1\]\.lexicon: unknown lexicon 'recruitmnet'/);
  });
  it('names a missing priority and an unknown condition key', () => {
    expect(() => parseRules(HEAD + '  - { name: a, label: neutral }\n', 'r.yaml')).toThrow(/rule 'a' \(rules\[0\]\) field priority/);
    expect(() => parseRules(HEAD + '  - { name: b, priority: 1, label: neutral, when: { entitty: {} } }\n', 'r.yaml')).toThrow(/rule 'b' \(rules\[0\]\) field when/);
  });
  it('rejects duplicate rule names and YAML syntax errors', () => {
    expect(() => parseRules(HEAD + '  - { name: a, priority: 1, label: neutral }\n  - { name: a, priority: 2, label: neutral }\n', 'r.yaml')).toThrow(/used twice/);
    expect(() => parseRules('version: [1', 'r.yaml')).toThrow(/not valid YAML/);
  });
});

describe('team rules', () => {
  it('combine entity, lexicon, language, account and signal conditions; the highest priority wins', () => {
    const rules = parseRules(
      `version: 1
stance: { pro: [praise, martyrdom], anti: [condemnation] }
lexicons:
  team_slogans: { en: [axis of glory] }
rules:
  - name: state-network-praise
    priority: 95
    when:
      all:
        - entity: { designation: FTO }
        - lexicon: [praise, team_slogans]
        - signal: cluster_member
        - account: { field: followers, lte: 500 }
    label: glorification
    actions: [remove, queue:io-team]
  - name: farsi-mention
    priority: 20
    when: { all: [ { lang: fa }, { flag: has_entity } ] }
    label: neutral
  - name: rest
    priority: 0
    label: unrelated
`,
      'team.yaml',
    );
    const c = new PostClassifier(EntityRegistry.builtin(), rules);
    const post = { id: '1', text: 'Hezbollah: the axis of glory', signals: ['cluster_member'], account: { followers: 100 } };
    const v = c.classify(post);
    expect(v.label).toBe('glorification');
    expect(v.actions).toEqual(['remove', 'queue:io-team']);
    expect(v.reasons[0]).toMatch(/state-network-praise.*team_slogans 'axis of glory'/);
    expect(c.classify({ ...post, signals: [] }).label).toBe('unrelated');
    expect(c.classify({ ...post, account: { followers: 10_000 } }).label).toBe('unrelated');
    expect(c.classify({ id: '2', text: 'حزب الله', lang: 'fa' }).label).toBe('neutral');
  });
});

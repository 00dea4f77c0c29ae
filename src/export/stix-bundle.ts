/**
 * A STIX 2.1 bundle of takedown's findings, for sharing with other platforms and researchers:
 * the producer's identity; per network an intrusion-set, a campaign, indicators for its accounts,
 * URLs and domains, observed-data over the same observables, the DISARM techniques its findings
 * support as attack-patterns, relationships (uses, attributed-to, indicates, impersonates), a TLP
 * 2.0 marking on everything, and a report tying it together. Ids are UUIDv5 of the content, so a
 * re-export of the same findings gives the same bundle. Mapping follows research/tns-anchors §e.
 */
import type { Store } from '../store/index.ts';
import { listTechniques, type TechniqueUse } from './disarm-techniques.ts';
import { loadSharedLinks, type SharedLink } from './cluster-links.ts';
import { truncateText } from './escape.ts';
import { loadFindings, type FindingsSelection, type FoundCluster } from './findings.ts';
import { toTlpMarking, type TlpLevel } from './tlp-markings.ts';
import { STIX_SCO_NAMESPACE, TAKEDOWN_NAMESPACE, toUuidV5 } from './uuid-v5.ts';

export type StixObject = Record<string, unknown> & { type: string; id: string };

export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

export interface StixOptions {
  /** Name of the producing team (the bundle's identity). */
  identityName?: string;
  tlp?: TlpLevel;
  /** Who is behind the networks, if the producer attributes them (e.g. 'Islamic Republic of Iran'). */
  attribution?: string;
}

export interface StixNetwork {
  cluster: FoundCluster;
  urls: SharedLink[];
  domains: SharedLink[];
  posts: number;
}

export interface StixInput {
  runId: string;
  createdMs: number;
  networks: StixNetwork[];
}

/** Reads the chosen findings and their shared links from the store. Default: likely_cib clusters. */
export async function loadStixInput(store: Store, selection: FindingsSelection = {}): Promise<StixInput> {
  const findings = await loadFindings(store, selection.clusterIds || selection.verdicts ? selection : { ...selection, verdicts: ['likely_cib'] });
  const networks: StixNetwork[] = [];
  for (const c of findings.clusters) {
    const links = await loadSharedLinks(store, findings.runId, c.clusterId);
    const row = await store.one<{ n: number }>(
      `SELECT count(*)::INTEGER AS n FROM posts p JOIN cluster_accounts ca ON ca.account_id = p.account_id AND (ca.platform IS NULL OR ca.platform = p.platform)
        WHERE ca.run_id = $1 AND ca.cluster_id = $2`,
      [findings.runId, c.clusterId],
    );
    networks.push({ cluster: c, urls: links.urls, domains: links.domains, posts: row?.n ?? 0 });
  }
  return { runId: findings.runId, createdMs: findings.createdMs, networks };
}

/** Builds the bundle (pure: the same input and options give the same bytes). */
export function toStixBundle(input: StixInput, options: StixOptions = {}): StixBundle {
  const tlp = toTlpMarking(options.tlp ?? 'amber');
  const markingRefs = [tlp['id'] as string];
  const time = toStixTime(input.createdMs);
  const objects = new Map<string, StixObject>();
  const add = (o: StixObject): string => {
    if (!objects.has(o.id)) objects.set(o.id, o);
    return o.id;
  };
  const sdoId = (type: string, key: string): string => `${type}--${toUuidV5(`${type}|${key}`, TAKEDOWN_NAMESPACE)}`;

  const producerName = options.identityName ?? 'takedown';
  const producer = add({
    type: 'identity',
    spec_version: '2.1',
    id: sdoId('identity', `producer|${producerName}`),
    created: time,
    modified: time,
    name: truncateText(producerName, 256),
    identity_class: 'organization',
    object_marking_refs: markingRefs,
  });
  const common = { spec_version: '2.1', created: time, modified: time, created_by_ref: producer, object_marking_refs: markingRefs };
  const relate = (type: string, source: string, target: string, description?: string): string =>
    add({
      type: 'relationship',
      id: sdoId('relationship', `${type}|${source}|${target}`),
      ...common,
      relationship_type: type,
      source_ref: source,
      target_ref: target,
      ...(description ? { description: truncateText(description, 2000) } : {}),
    });

  let attributedActor: string | null = null;
  if (options.attribution) {
    attributedActor = add({
      type: 'threat-actor',
      id: sdoId('threat-actor', `attribution|${options.attribution}`),
      ...common,
      name: truncateText(options.attribution, 256),
      description: `Attributed by ${truncateText(producerName, 256)}.`,
    });
  }

  for (const net of input.networks) {
    const c = net.cluster;
    const key = `${input.runId}|${c.clusterId}`;
    const seen = {
      ...(c.firstMs !== null ? { first_seen: toStixTime(c.firstMs) } : {}),
      ...(c.lastMs !== null ? { last_seen: toStixTime(c.lastMs) } : {}),
    };
    const description = truncateText(`${c.reason} (verdict ${c.verdict}, score ${c.score.toFixed(2)}, ${c.accounts.length} accounts)`, 2000);
    const intrusionSet = add({
      type: 'intrusion-set',
      id: sdoId('intrusion-set', key),
      ...common,
      name: `takedown network ${truncateText(c.clusterId, 100)}`,
      description,
      ...seen,
    });
    const campaign = add({
      type: 'campaign',
      id: sdoId('campaign', key),
      ...common,
      name: `Campaign of takedown network ${truncateText(c.clusterId, 100)}`,
      description,
      ...seen,
    });
    relate('attributed-to', campaign, intrusionSet);
    if (attributedActor) relate('attributed-to', intrusionSet, attributedActor);

    // Observables: the accounts, URLs and domains of the network.
    const scoIds: string[] = [];
    const indicate = (name: string, pattern: string, indicatorKey: string): void => {
      const indicator = add({
        type: 'indicator',
        id: sdoId('indicator', indicatorKey),
        ...common,
        name: truncateText(name, 256),
        indicator_types: ['malicious-activity'],
        pattern,
        pattern_type: 'stix',
        valid_from: time,
      });
      relate('indicates', indicator, intrusionSet);
    };
    for (const a of c.accounts) {
      const accountType = a.platform.toLowerCase();
      const props: Record<string, string> = { account_type: accountType, user_id: a.accountId };
      if (a.handle) props['account_login'] = a.handle;
      scoIds.push(
        add({
          type: 'user-account',
          spec_version: '2.1',
          id: `user-account--${toUuidV5(canonicalJson(props), STIX_SCO_NAMESPACE)}`,
          ...props,
          ...(a.displayName ? { display_name: truncateText(a.displayName, 256) } : {}),
          object_marking_refs: markingRefs,
        }),
      );
      indicate(
        `${a.platform} ${a.surface} ${a.handle ? `@${a.handle}` : a.accountId}`,
        `[user-account:account_type = '${escapePattern(accountType)}' AND user-account:user_id = '${escapePattern(a.accountId)}']`,
        `account|${accountType}|${a.accountId}`,
      );
    }
    for (const u of net.urls) {
      scoIds.push(add({ type: 'url', spec_version: '2.1', id: `url--${toUuidV5(canonicalJson({ value: u.value }), STIX_SCO_NAMESPACE)}`, value: u.value, object_marking_refs: markingRefs }));
      indicate(`URL shared by ${u.accounts} accounts`, `[url:value = '${escapePattern(u.value)}']`, `url|${u.value}`);
    }
    for (const d of net.domains) {
      const value = d.value.toLowerCase();
      scoIds.push(
        add({ type: 'domain-name', spec_version: '2.1', id: `domain-name--${toUuidV5(canonicalJson({ value }), STIX_SCO_NAMESPACE)}`, value, object_marking_refs: markingRefs }),
      );
      indicate(`Domain shared by ${d.accounts} accounts`, `[domain-name:value = '${escapePattern(value)}']`, `domain|${value}`);
    }
    if (scoIds.length > 0) {
      const observed = add({
        type: 'observed-data',
        id: sdoId('observed-data', key),
        ...common,
        first_observed: toStixTime(c.firstMs ?? input.createdMs),
        last_observed: toStixTime(c.lastMs ?? c.firstMs ?? input.createdMs),
        number_observed: Math.max(1, net.posts),
        object_refs: scoIds,
      });
      relate('related-to', observed, intrusionSet);
    }

    // Impersonation: an actor (the attributed one, or the network's unknown operator) impersonates identities.
    if (c.impersonations.length > 0) {
      const actor =
        attributedActor ??
        add({
          type: 'threat-actor',
          id: sdoId('threat-actor', `operator|${key}`),
          ...common,
          name: `Operator of takedown network ${truncateText(c.clusterId, 100)}`,
          threat_actor_types: ['unknown'],
        });
      if (!attributedActor) relate('attributed-to', intrusionSet, actor);
      const byIdentity = new Map<string, typeof c.impersonations>();
      for (const imp of c.impersonations) byIdentity.set(imp.identityId, [...(byIdentity.get(imp.identityId) ?? []), imp]);
      for (const [identityId, imps] of byIdentity) {
        const first = imps[0];
        const role = first?.identityRole ?? null;
        const identity = add({
          type: 'identity',
          id: sdoId('identity', `protected|${identityId}`),
          ...common,
          name: truncateText(first?.identityName ?? identityId, 256),
          identity_class: /outlet|news|media|ministry|government|agency|institution|party/i.test(role ?? '') ? 'organization' : 'individual',
          ...(role ? { roles: [truncateText(role, 100)] } : {}),
        });
        const accounts = imps.map((i) => i.accountId).join(', ');
        relate('impersonates', actor, identity, `Impersonated by accounts ${accounts}`);
      }
    }

    // DISARM techniques the findings support.
    const techniques = listTechniques({
      signals: c.signals.map((s) => s.signal),
      indicators: c.indicators.map((i) => i.indicator),
      surfaces: [...new Set(c.accounts.map((a) => a.surface))],
      impersonatedRoles: c.impersonations.map((i) => i.identityRole),
    });
    for (const t of techniques) {
      const pattern = add(toAttackPattern(t, time, common));
      relate('uses', intrusionSet, pattern, `Supported by ${t.because.join('; ')}`);
      relate('uses', campaign, pattern, `Supported by ${t.because.join('; ')}`);
    }
  }

  const refs = [...objects.keys()].filter((id) => id !== producer);
  const report: StixObject = {
    type: 'report',
    id: sdoId('report', `${input.runId}|${input.networks.map((n) => n.cluster.clusterId).join(',')}`),
    ...common,
    name: `takedown findings of detect run ${truncateText(input.runId, 100)}`,
    description: `${input.networks.length} network(s) found by behaviour (coordination and inauthenticity signals), with the DISARM techniques their findings support.`,
    report_types: ['intrusion-set', 'campaign', 'indicator', 'attack-pattern'],
    published: time,
    object_refs: [producer, ...refs],
  };
  const all = [tlp as StixObject, ...objects.values(), report];
  return { type: 'bundle', id: `bundle--${toUuidV5(all.map((o) => o.id).join('\n'), TAKEDOWN_NAMESPACE)}`, objects: all };
}

function toAttackPattern(t: TechniqueUse, time: string, common: Record<string, unknown>): StixObject {
  return {
    type: 'attack-pattern',
    id: `attack-pattern--${toUuidV5(`attack-pattern|DISARM|${t.id}`, TAKEDOWN_NAMESPACE)}`,
    ...common,
    created: time,
    modified: time,
    name: t.name,
    external_references: [
      {
        source_name: 'DISARM',
        external_id: t.id,
        url: `https://github.com/DISARMFoundation/DISARMframeworks/blob/main/generated_pages/techniques/${t.id}.md`,
      },
    ],
  };
}

/** STIX timestamps: UTC with millisecond precision. */
export function toStixTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Escapes a string literal of a STIX pattern (single-quoted; backslash and quote escaped). */
export function escapePattern(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}

/** JSON with sorted keys (RFC 8785 for the flat string objects used in SCO ids). */
function canonicalJson(obj: Record<string, string>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(obj).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

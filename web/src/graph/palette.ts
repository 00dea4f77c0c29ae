/** Colours of signals and indicators: derived for display, never stored on the data (Gephi Lite's rule). */
const SIGNAL_COLOURS: Record<string, string> = {
  co_retweet: '#d62728',
  co_url: '#1f77b4',
  co_domain: '#17becf',
  co_hashtag_set: '#9467bd',
  co_text: '#ff7f0e',
  near_text: '#e377c2',
  co_image: '#8c564b',
  sync_activity: '#7f7f7f',
  reply_target: '#bcbd22',
  mention_target: '#2ca02c',
  co_object: '#393b79',
};
const INDICATOR_COLOURS: Record<string, string> = {
  creation_batch: '#e6550d',
  handle_pattern: '#31a354',
  follower_anomaly: '#756bb1',
  single_client: '#636363',
  empty_profile: '#969696',
  reused_profile: '#3182bd',
  impersonation: '#de2d26',
  undisclosed_state_media: '#a63603',
  policy_violations: '#c51b8a',
  known_image: '#54278f',
};
export const NEUTRAL = '#9aa5b1';

export function signalColour(signal: string): string {
  return SIGNAL_COLOURS[signal] ?? NEUTRAL;
}

export function indicatorColour(indicator: string | undefined): string {
  return indicator === undefined ? NEUTRAL : (INDICATOR_COLOURS[indicator] ?? NEUTRAL);
}

import { t } from './i18n.js';

/** The runtime config written by the deploy (or the local stack) next to the site. */
export interface SiteConfig {
  jurisdiction: {
    id: string;
    name: string;
    timezone: string;
    locale: string;
    bounds: { minLat: number; minLng: number; maxLat: number; maxLng: number };
  };
  /** With areas (wards, districts): what they are called and where their simplified GeoJSON is. */
  areas?: { label: string; url: string };
  map: { center: [number, number]; zoom: number; tileUrl: string; attribution: string };
  auth: { region: string; userPoolId: string; userPoolClientId: string; endpoint?: string; mfa?: 'required' | 'optional' };
  mailbox?: { url: string };
}

let loaded: Promise<SiteConfig> | undefined;

export function loadConfig(): Promise<SiteConfig> {
  loaded ??= fetch('/config.json').then((r) => {
    if (!r.ok) throw new Error(t('error.config'));
    return r.json() as Promise<SiteConfig>;
  });
  return loaded;
}

/**
 * Kept for the pages that still call it: the layout now writes the jurisdiction's name into the header at
 * build time, in the page's language (`layout.brand`), so there is nothing left to do in the browser.
 * @deprecated the layout brands every page.
 */
export async function brand(): Promise<void> {}

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
    if (!r.ok) throw new Error('The board configuration could not be loaded.');
    return r.json() as Promise<SiteConfig>;
  });
  return loaded;
}

/** Puts the jurisdiction's name in the header. */
export async function brand(): Promise<void> {
  const config = await loadConfig().catch(() => undefined);
  for (const node of document.querySelectorAll('[data-jurisdiction]')) if (config) node.textContent = `${config.jurisdiction.name} board`;
}

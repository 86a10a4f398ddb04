/** An area's display name: "Ward 5" when the name is only a number, else the name itself. */
export function areaTitle(label: string | undefined, name: string): string {
  return /^\d+$/.test(name.trim()) && label ? `${label} ${name}` : name;
}

export interface AreaSummary {
  id: string;
  name: string;
  counts: { waiting: number; in_progress: number; done: number };
}

export interface AreaList {
  label?: string;
  items: AreaSummary[];
}

export type PlaceKind = 'country' | 'region' | 'city' | 'town' | 'district' | 'landmark';
export interface Place {
  /** Stable slug, e.g. 'kz-almaty', 'kz-mangystau', 'kz-zhanaozen', 'country-kg'. Never changes. */
  id: string;
  kind: PlaceKind;
  names: { en: string; ru: string; kk: string };
  /** Other spellings, Latin transliterations and former names, in any script. */
  variants: readonly string[];
  /** Id of the containing unit: region for towns, city for districts/landmarks, country for regions. */
  parent?: string;
  /** ISO 3166-1 alpha-3 of the country. */
  country: string;
  lat: number;
  lon: number;
  timeZone: string;
  /** ISO date from which this unit/name is valid, and the last day it was valid. */
  validFrom?: string;
  validTo?: string;
}

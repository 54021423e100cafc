import { canonicalZone, NAMED_ZONES, zoneLabel, zoneNameSlug, zonePlace } from '../../domain/timezone.js';
import type { Translate } from './translate.js';

/** The city of a zone in the reader's language, when the locale files name it ("Nueva York"). */
function translatedPlace(t: Translate, canonical: string): string | undefined {
  return NAMED_ZONES.includes(canonical) ? t(`zone-${zoneNameSlug(canonical)}`) : undefined;
}

/** "Nueva York (UTC−5)" / "New York (UTC−5)": a zone with its offset at `at`, in the reader's language. */
export function zoneText(t: Translate, zone: string, at: Date): string {
  return zoneLabel(zone, at, (canonical) => translatedPlace(t, canonical));
}

/** Just the place ("Ciudad de México"), e.g. for suggestions the user can type back. */
export function zonePlaceText(t: Translate, zone: string): string {
  return translatedPlace(t, canonicalZone(zone)) ?? zonePlace(zone) ?? zone;
}

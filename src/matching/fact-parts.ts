import { OTHER_STATUS } from './hard-columns.js';
import type { InternerParts } from './interner.js';

/**
 * What a FactStore holds, as arrays and plain values: a snapshot's contents (see
 * fact-snapshot.ts). The postings are not part of it: a load builds them again from the lists
 * (about 0.2 s at a million suppliers), so they can never disagree with the facts.
 */
export interface FactParts {
  slots: number;
  documents: number;
  unnamed: number[];
  idWords: Uint32Array<ArrayBuffer>;
  otherIds: [number, string][];
  status: Uint8Array<ArrayBuffer>;
  lat: Float64Array<ArrayBuffer>;
  lon: Float64Array<ArrayBuffer>;
  partialLocation: [number, number | null, number | null][];
  cents: Uint32Array<ArrayBuffer>;
  otherAmounts: [number, number][];
  processList: Int32Array<ArrayBuffer>;
  materialList: Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
  certList: Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
  capacityUnit: Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Uint32Array<ArrayBuffer>;
  otherStatus: [number, string][];
  interner: InternerParts;
}

/**
 * Checks that parts fit together before a store adopts them: one entry per slot in every column,
 * every slot kept aside in range and fitting its status, every list, string and certificate id
 * naming something the parts hold, and the document count. Returns the counted documents.
 */
export function checkFactParts(p: FactParts): { documents: number } {
  const n = p.slots;
  const columns = [
    p.status,
    p.lat,
    p.lon,
    p.cents,
    p.processList,
    p.materialList,
    p.certList,
    p.capacityUnit,
  ];
  if (!Number.isInteger(n) || columns.some((c) => c.length !== n) || p.idWords.length !== n * 4)
    throw new Error('facts: a column of the wrong length');
  const inRange = (slot: number) => Number.isInteger(slot) && slot >= 0 && slot < n;
  const otherStatus = new Set(p.otherStatus.map(([s]) => s));
  if (
    !p.unnamed.every((s) => inRange(s) && p.status[s] === 0) ||
    !p.partialLocation.every(([s]) => inRange(s) && p.status[s] !== 0) ||
    // A removed supplier may keep its entry here (put leaves it): only the range is checked.
    ![...otherStatus].every(inRange) ||
    !p.otherAmounts.every(([s, a]) => inRange(s) && typeof a === 'number' && !Number.isNaN(a))
  )
    throw new Error('facts: a slot kept aside that does not fit');
  const [processLists, materialLists] = p.interner.pools.map((pool) => pool.start.length - 1);
  const strings = p.interner.strings.length;
  let documents = 0;
  for (let s = 0; s < n; s++) {
    const code = p.status[s]!;
    if (code === 0) continue;
    documents++;
    if (
      code > OTHER_STATUS ||
      (code === OTHER_STATUS) !== otherStatus.has(s) ||
      !(p.processList[s]! >= 0 && p.processList[s]! < processLists!) ||
      p.materialList[s]! >= materialLists! ||
      p.certList[s]! > p.interner.certs.length ||
      p.capacityUnit[s]! > strings
    )
      throw new Error('facts: a status or id out of range');
  }
  if (documents !== p.documents) throw new Error('facts: documents miscounted');
  return { documents };
}

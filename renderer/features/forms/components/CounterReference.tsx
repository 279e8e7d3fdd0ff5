import { useMemo } from 'react';
import { code128Image } from '../model/barcode-images.js';

/**
 * Số tham chiếu on form 02 at the counter, in words and as a Code 128 barcode: the dossier is not received
 * and has no code yet, and the officer finds it again by this when the citizen brings the papers (typed
 * or scanned into the work list's search).
 */
export function CounterReference({ reference }: { reference: string }) {
  const barcode = useMemo(() => code128Image(reference), [reference]);
  return (
    <div className="counter-reference">
      <p>
        Số tham chiếu: <span className="counter-reference__value" data-testid="counter-reference">{reference}</span>
      </p>
      <img className="counter-reference__barcode" src={barcode} alt={`Mã vạch của số tham chiếu ${reference}`} />
    </div>
  );
}

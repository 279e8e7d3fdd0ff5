import { useMemo } from 'react';
import { code128Image, qrCodeImage } from '../model/barcode-images.js';
import { lookupUrlOf } from '../model/lookup-url.js';

/**
 * The dossier code in words and as a Code 128 barcode, with the QR code the citizen scans to follow it
 * on the centre's status page. `centreUrl` null (no centre will know the dossier): no QR code at all
 * (model/lookup-url.ts says why).
 */
export function ReceiptCode({ code, centreUrl }: { code: string; centreUrl: string | null }) {
  const lookupUrl = centreUrl === null ? null : lookupUrlOf(code, centreUrl);
  const barcode = useMemo(() => code128Image(code), [code]);
  const qr = useMemo(() => (lookupUrl === null ? null : qrCodeImage(lookupUrl)), [lookupUrl]);
  return (
    <div className="receipt-code">
      <div className="receipt-code__text">
        <p>
          Mã hồ sơ: <span className="receipt-code__value">{code}</span>
        </p>
        <img className="receipt-code__barcode" src={barcode} alt={`Mã vạch của mã hồ sơ ${code}`} />
      </div>
      {qr !== null && (
        <div className="receipt-code__qr">
          <img src={qr} alt="Mã QR tra cứu tình trạng hồ sơ" data-testid="receipt-qr" />
          <p>Quét mã để tra cứu tình trạng hồ sơ</p>
        </div>
      )}
    </div>
  );
}

import { useMemo } from 'react';
import { code128Image, qrCodeImage } from '../model/barcode-images.js';
import { lookupUrlOf } from '../model/lookup-url.js';

/** The dossier code in words and as a Code 128 barcode, with the QR code the citizen scans to follow it. */
export function ReceiptCode({ code }: { code: string }) {
  const lookupUrl = lookupUrlOf(code);
  const barcode = useMemo(() => code128Image(code), [code]);
  const qr = useMemo(() => qrCodeImage(lookupUrl), [lookupUrl]);
  return (
    <div className="receipt-code">
      <div className="receipt-code__text">
        <p>
          Mã hồ sơ: <span className="receipt-code__value">{code}</span>
        </p>
        <img className="receipt-code__barcode" src={barcode} alt={`Mã vạch của mã hồ sơ ${code}`} />
      </div>
      <div className="receipt-code__qr">
        <img src={qr} alt="Mã QR tra cứu tình trạng hồ sơ" />
        <p>Quét mã để tra cứu tình trạng hồ sơ</p>
      </div>
    </div>
  );
}

export interface Signer {
  /** Who signs, e.g. 'Người tiếp nhận hồ sơ' (printed in capitals). */
  role: string;
  /** The line under the role, e.g. '(Ký và ghi rõ họ tên)'. */
  hint?: string;
  /** The printed name under the signature space; null leaves it for a handwritten name. */
  name: string | null;
  /** Lines above the role, e.g. 'TM. ỦY BAN NHÂN DÂN'. */
  above?: string;
}

export const SIGN_WITH_NAME = '(Ký và ghi rõ họ tên)';

/** One signer: role, hint, space for the signature (and seal), printed name. */
export function Signature({ signer }: { signer: Signer }) {
  return (
    <div className="form-signature">
      {signer.above && <p className="form-signature__role">{signer.above}</p>}
      <p className="form-signature__role">{signer.role}</p>
      <p className="form-signature__hint">{signer.hint ?? SIGN_WITH_NAME}</p>
      <p className="form-signature__name">{signer.name ?? ''}</p>
    </div>
  );
}

/** The signature row at the foot of a form: left and right (either may be empty). */
export function FormSignatures({ left, right }: { left: Signer | null; right: Signer }) {
  return (
    <div className="form-signatures">
      <div>{left && <Signature signer={left} />}</div>
      <Signature signer={right} />
    </div>
  );
}

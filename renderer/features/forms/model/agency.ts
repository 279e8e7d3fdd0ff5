// Who issues the forms, as the header's left block names it (Circular 01/2018/TT-VPCP models).

export const DESK_NAME = 'Bộ phận tiếp nhận và trả kết quả';
/** The abbreviation administrative papers use where space is short (tables). */
export const DESK_SHORT_NAME = 'Bộ phận TN&TKQ';

/** 'Phường Hồng Gai' → ['UBND PHƯỜNG HỒNG GAI', 'BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ']. */
export function agencyHeaderLines(unitName: string): readonly [string, string] {
  return [`UBND ${unitName}`.toLocaleUpperCase('vi'), DESK_NAME.toLocaleUpperCase('vi')];
}

/** 'Bộ phận tiếp nhận và trả kết quả UBND Phường Hồng Gai', as the body of a form names the desk. */
export function deskOf(unitName: string): string {
  return `${DESK_NAME} UBND ${unitName}`;
}

/** 'UBND Phường Hồng Gai': the agency that settles a ward procedure unless it is sent elsewhere. */
export function peoplesCommitteeOf(unitName: string): string {
  return `UBND ${unitName}`;
}

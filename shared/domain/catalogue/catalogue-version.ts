// The date of the legal and territorial state the seed catalogue describes: Quảng Ninh's 54
// commune-level units from 1/7/2025 (with Hạ Long's 33 former units kept for their history) and the
// procedures as the law stood then. The centre ships later catalogues with a later version; a desk
// keeps whichever is newer.
export const catalogueVersion = '2025-07-01';

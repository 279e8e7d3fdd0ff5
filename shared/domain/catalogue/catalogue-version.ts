// The date of the legal and territorial state the seed catalogue describes: Hạ Long's 32 units after
// Yết Kiêu was merged away (1/1/2025) and the procedures as the law stood then. The centre ships
// later catalogues with a later version; a desk keeps whichever is newer.
export const catalogueVersion = '2025-01-01';

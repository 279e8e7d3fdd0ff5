// The centre server lands with the sync issue; this module keeps the layer's project non-empty.
export const CENTRE_API_VERSION = 'v1';

import type { Procedure } from '../procedure.js';
import { deepFreeze } from './deep-freeze.js';
import { BAO_TRO_XA_HOI_PROCEDURES } from './procedures/bao-tro-xa-hoi.js';
import { CHUNG_THUC_PROCEDURES } from './procedures/chung-thuc.js';
import { CU_TRU_PROCEDURES } from './procedures/cu-tru.js';
import { DAT_DAI_PROCEDURES } from './procedures/dat-dai.js';
import { HO_TICH_PROCEDURES } from './procedures/ho-tich.js';
import { KHIEU_NAI_TO_CAO_PROCEDURES } from './procedures/khieu-nai-to-cao.js';
import { NGUOI_CO_CONG_PROCEDURES } from './procedures/nguoi-co-cong.js';
import { NUOI_CON_NUOI_PROCEDURES } from './procedures/nuoi-con-nuoi.js';
import { TIN_NGUONG_TON_GIAO_PROCEDURES } from './procedures/tin-nguong-ton-giao.js';
import { VAN_HOA_CO_SO_PROCEDURES } from './procedures/van-hoa-co-so.js';

/** The starter catalogue of ward/commune procedures, in the order of SECTORS. */
export const PROCEDURES: readonly Procedure[] = deepFreeze([
  ...HO_TICH_PROCEDURES,
  ...NUOI_CON_NUOI_PROCEDURES,
  ...CHUNG_THUC_PROCEDURES,
  ...CU_TRU_PROCEDURES,
  ...BAO_TRO_XA_HOI_PROCEDURES,
  ...NGUOI_CO_CONG_PROCEDURES,
  ...DAT_DAI_PROCEDURES,
  ...KHIEU_NAI_TO_CAO_PROCEDURES,
  ...VAN_HOA_CO_SO_PROCEDURES,
  ...TIN_NGUONG_TON_GIAO_PROCEDURES,
]);

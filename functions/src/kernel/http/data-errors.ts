import { type DataError, InvalidCursor, ItemTooLarge, UnsupportedFilter } from '../data/errors';
import { type AppError, BadRequest, PayloadTooLarge } from './errors';

/**
 * What the data layer's errors mean for a caller of the API. Called by the one error mapper
 * (error-response.ts); anything else of the data layer stays a 500 there.
 */
export const fromDataError = (err: DataError): AppError | DataError => {
  if (err instanceof InvalidCursor) {
    return new BadRequest('Con trỏ phân trang không hợp lệ', [
      { path: 'query.cursor', message: 'Không hợp lệ' },
    ]);
  }
  if (err instanceof ItemTooLarge)
    return new PayloadTooLarge('Dữ liệu quá lớn để lưu (giới hạn 400 KB mỗi bản ghi)');
  if (err instanceof UnsupportedFilter) {
    return new BadRequest(err.message, [{ path: `query.${err.filter}`, message: err.detail }]);
  }
  return err;
};

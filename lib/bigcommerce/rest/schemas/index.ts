// Shared REST body schemas. Resource schemas (products, price records, orders...) go in their own
// files next to these (e.g. `schemas/price-record.ts`) and are passed to the client's `schema`,
// `getV3`, `paginateV3` or `paginateV2` parameters.
export * from './v3-envelope';
export * from './v3-error';
export * from './v2-error';
export * from './price-list-errors';

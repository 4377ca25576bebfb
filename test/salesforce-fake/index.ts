export {
  startSalesforceFake,
  SalesforceFake,
  type FaultKind,
  type FakeOptions,
  type RecordedWrite,
} from './server';
export { FakeOrg, ROLLUP_FIELDS, sfDatetime } from './org';

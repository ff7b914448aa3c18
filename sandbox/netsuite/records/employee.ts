/**
 * `employee` record, read-only here: the emulator holds only the account's sales reps, which `customer.salesRep`
 * references. Field names per the REST API Browser's employee record (entityId, firstName, lastName, email,
 * isSalesRep, isInactive) [V3 NS-BROWSER]; the admin (`/__sandbox/employees/…`) changes them.
 */
import { ID_FIELDS, field } from './fields';
import { simpleRecord } from './simple-record';

export const employeeRecord = simpleRecord({
  name: 'employee',
  table: 'employee',
  fields: [
    ...ID_FIELDS,
    field('entityId', 'Name', 'string', 'entityid'),
    field('firstName', 'First Name', 'string', 'firstname'),
    field('lastName', 'Last Name', 'string', 'lastname'),
    field('email', 'Email', 'string', 'email'),
    field('isSalesRep', 'Sales Rep', 'boolean', 'issalesrep'),
    field('isInactive', 'Inactive', 'boolean', 'isinactive'),
    field('lastModifiedDate', 'Date Last Modified', 'date-time', 'lastmodifieddate'),
  ],
});

/**
 * The emulator's tables, named and shaped like NetSuite's SuiteQL analytics tables (§4.7 of the contract sheet) so
 * the adapter's SuiteQL runs unchanged. Booleans are 'T'/'F' text, as in SuiteQL. Columns the sheet marks
 * inferred are noted; `lastmodifieddate`-style columns drive delta reads.
 *
 * Record-API-only state (sublists the REST API exposes but SuiteQL doesn't) also lives here, so a record written
 * through REST is immediately visible to SuiteQL: one source of truth, like the real account.
 */
export const SCHEMA_SQL = `
CREATE TABLE dual (dummy text);
INSERT INTO dual VALUES ('X');

CREATE TABLE currency (
  id integer PRIMARY KEY,
  symbol text NOT NULL,          -- ISO code ("USD"); [I] column name
  name text NOT NULL,
  isinactive text NOT NULL DEFAULT 'F',
  externalid text UNIQUE
);

CREATE TABLE term (              -- [I] table name; record is "Term"
  id integer PRIMARY KEY,
  name text NOT NULL,
  daysuntilnetdue integer
);

CREATE TABLE pricelevel (
  id integer PRIMARY KEY,
  name text NOT NULL,
  discountpct numeric(9,4),
  isinactive text NOT NULL DEFAULT 'F',
  isonline text NOT NULL DEFAULT 'F',
  externalid text UNIQUE,
  lastmodifieddate timestamp NOT NULL DEFAULT now()
);

-- Pricing groups (customer.groupPricing sublist, §4.7.A). [I] table name; the demo dataset has none, so it starts empty.
CREATE SEQUENCE pricinggroup_id_seq START 1;
CREATE TABLE pricinggroup (
  id integer PRIMARY KEY DEFAULT nextval('pricinggroup_id_seq'),
  name text NOT NULL,
  isinactive text NOT NULL DEFAULT 'F',
  externalid text UNIQUE,
  lastmodifieddate timestamp NOT NULL DEFAULT now()
);

CREATE TABLE location (
  id integer PRIMARY KEY,
  name text NOT NULL,
  fullname text,
  externalid text UNIQUE,
  isinactive text NOT NULL DEFAULT 'F',
  city text, state text, zip text, country text,
  lastmodifieddate timestamp NOT NULL DEFAULT now()
);

CREATE TABLE item (
  id integer PRIMARY KEY,
  itemid text NOT NULL UNIQUE,   -- the SKU
  displayname text,
  itemtype text NOT NULL DEFAULT 'InvtPart',
  isinactive text NOT NULL DEFAULT 'F',
  externalid text UNIQUE,
  lastmodifieddate timestamp NOT NULL DEFAULT now()
);

-- One row per cell of the item price matrix: (item, level, currency, quantity threshold).
CREATE TABLE pricing (
  internalid integer NOT NULL,   -- the item id, as in the captured sample row
  item integer NOT NULL REFERENCES item(id),
  pricelevel integer NOT NULL REFERENCES pricelevel(id),
  currency integer NOT NULL REFERENCES currency(id),
  quantity numeric(18,4) NOT NULL,
  unitprice numeric(18,4) NOT NULL,
  saleunit integer,
  PRIMARY KEY (item, pricelevel, currency, quantity)
);

-- Employees (§4.1 lists /record/v1/employee). Only sales reps matter here: customer.salesrep points at one.
-- [I] column names after the record's fields (entityId, firstName, lastName, email, isSalesRep, isInactive).
CREATE SEQUENCE employee_id_seq START 500;
CREATE TABLE employee (
  id integer PRIMARY KEY DEFAULT nextval('employee_id_seq'),
  entityid text NOT NULL UNIQUE,
  firstname text,
  lastname text,
  email text,
  issalesrep text NOT NULL DEFAULT 'F',
  isinactive text NOT NULL DEFAULT 'F',
  externalid text UNIQUE,
  lastmodifieddate timestamp NOT NULL DEFAULT now()
);

CREATE SEQUENCE customer_id_seq START 1000;
CREATE TABLE customer (
  id integer PRIMARY KEY DEFAULT nextval('customer_id_seq'),
  entityid text NOT NULL UNIQUE,  -- customer number
  externalid text UNIQUE,
  companyname text,
  pricelevel integer REFERENCES pricelevel(id),
  currency integer NOT NULL REFERENCES currency(id),
  terms integer REFERENCES term(id),
  salesrep integer REFERENCES employee(id),  -- the customer's "Sales Rep" (an employee with issalesrep = 'T')
  creditlimit numeric(18,2),
  balancesearch numeric(18,2) NOT NULL DEFAULT 0,
  unbilledorderssearch numeric(18,2) NOT NULL DEFAULT 0,
  overduebalancesearch numeric(18,2) NOT NULL DEFAULT 0,
  daysoverduesearch integer NOT NULL DEFAULT 0,
  creditholdoverride text NOT NULL DEFAULT 'AUTO' CHECK (creditholdoverride IN ('AUTO','ON','OFF')),
  -- [I] AUTO semantics: hold when over limit or anything is overdue.
  oncredithold text GENERATED ALWAYS AS (
    CASE creditholdoverride
      WHEN 'ON' THEN 'T'
      WHEN 'OFF' THEN 'F'
      ELSE CASE WHEN (creditlimit IS NOT NULL AND balancesearch + unbilledorderssearch > creditlimit)
                  OR overduebalancesearch > 0 THEN 'T' ELSE 'F' END
    END) STORED,
  isinactive text NOT NULL DEFAULT 'F',
  lastmodifieddate timestamp NOT NULL DEFAULT now()
);

-- Customer-specific item prices (customer.itemPricing sublist). level NULL = fixed price.
CREATE TABLE customeritempricing (
  customer integer NOT NULL REFERENCES customer(id),
  item integer NOT NULL REFERENCES item(id),
  level integer REFERENCES pricelevel(id),
  currency integer NOT NULL REFERENCES currency(id),
  price numeric(18,4),
  PRIMARY KEY (customer, item, currency)
);

CREATE TABLE inventoryitemlocations (
  item integer NOT NULL REFERENCES item(id),
  location integer NOT NULL REFERENCES location(id),
  quantityonhand numeric(18,4),
  quantityavailable numeric(18,4),
  quantitycommitted numeric(18,4),
  quantitybackordered numeric(18,4),
  quantityonorder numeric(18,4),
  quantityintransit numeric(18,4),
  reorderpoint numeric(18,4),
  preferredstocklevel numeric(18,4),
  lastquantityavailablechange timestamp NOT NULL DEFAULT now(),
  PRIMARY KEY (item, location)
);

CREATE SEQUENCE transaction_id_seq START 5000;
CREATE TABLE transaction (
  id integer PRIMARY KEY DEFAULT nextval('transaction_id_seq'),
  tranid text,
  type text NOT NULL,              -- 'SalesOrd' | 'ItemShip' | 'CustInvc'
  status text NOT NULL,            -- single-letter code (SuiteQL's raw value); 'SalesOrd:B' is BUILTIN.CF's form
  entity integer REFERENCES customer(id),
  externalid text,
  trandate date NOT NULL DEFAULT current_date,
  currency integer REFERENCES currency(id),
  location integer REFERENCES location(id),
  otherrefnum text,
  memo text,
  shippingcost numeric(18,2),
  shipaddress text,                -- JSON of the shippingAddress subrecord (emulator storage)
  shippeddate date,
  -- Invoices (CustInvc): [I] column names after SuiteQL's transaction table.
  duedate date,
  foreigntotal numeric(18,2),
  foreignamountremaining numeric(18,2),
  -- Emulator bookkeeping: 'T' once this invoice's open amount is counted in the customer's overdue balance.
  agedoverdue text NOT NULL DEFAULT 'F',
  lastmodifieddate timestamp NOT NULL DEFAULT now(),
  UNIQUE (type, externalid)        -- external ids are unique per record type
);

CREATE TABLE transactionline (
  transaction integer NOT NULL REFERENCES transaction(id),
  id integer NOT NULL,             -- line number, 1-based
  item integer NOT NULL REFERENCES item(id),
  quantity numeric(18,4) NOT NULL,
  rate numeric(18,4),
  location integer REFERENCES location(id),
  quantityshiprecv numeric(18,4) NOT NULL DEFAULT 0,  -- fulfilled so far (on sales order lines)
  quantitybilled numeric(18,4) NOT NULL DEFAULT 0,    -- invoiced so far (on sales order lines)
  -- What an open sales order line holds at its location: committed stock, and the part that couldn't be committed.
  -- Kept per line so editing or removing the line gives back exactly what it took.
  quantitycommitted numeric(18,4) NOT NULL DEFAULT 0,
  quantitybackordered numeric(18,4) NOT NULL DEFAULT 0,
  createdfrom integer,             -- on fulfilment and invoice lines: the sales order
  orderline integer,               -- on fulfilment and invoice lines: the sales order line
  isclosed text NOT NULL DEFAULT 'F',
  PRIMARY KEY (transaction, id)
);

CREATE TABLE nexttransactionlink (
  previousdoc integer NOT NULL,
  nextdoc integer NOT NULL,
  linktype text NOT NULL
);

CREATE SEQUENCE trackingnumber_id_seq START 1;
CREATE TABLE trackingnumber (
  id integer PRIMARY KEY DEFAULT nextval('trackingnumber_id_seq'),
  trackingnumber text NOT NULL
);

CREATE TABLE trackingnumbermap (
  transaction integer NOT NULL,
  trackingnumber integer NOT NULL REFERENCES trackingnumber(id)
);
`;

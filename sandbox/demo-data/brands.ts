/**
 * Invented brand names (not real trademarks, as far as we know) and the departments each brand makes products for,
 * so that a cordless drill is never made by a glove brand. "Northwind Pro" is the distributor's house brand and
 * appears in every department, as private labels do.
 */

export interface BrandSpec {
  name: string;
  /** Department codes (root category `code`s) the brand sells in. */
  departments: string[];
}

export const HOUSE_BRAND = 'Northwind Pro';

export const BRANDS: BrandSpec[] = [
  { name: HOUSE_BRAND, departments: ['FAS', 'PWR', 'HND', 'PPE', 'ELE', 'PLB', 'ABR', 'HYD', 'MHE', 'WLD', 'JAN'] },
  { name: 'Halvorsen Fastener Co.', departments: ['FAS'] },
  { name: 'Boltmark', departments: ['FAS'] },
  { name: 'Tri-County Threadworks', departments: ['FAS', 'HYD'] },
  { name: 'Torvik Tools', departments: ['PWR', 'HND'] },
  { name: 'Granite Ridge Power', departments: ['PWR'] },
  { name: 'Voltaro', departments: ['PWR', 'ELE'] },
  { name: 'Kestrelline', departments: ['HND'] },
  { name: 'Anvilcrest', departments: ['HND', 'WLD'] },
  { name: 'Bluefen Safety', departments: ['PPE'] },
  { name: 'Guardwell Industrial', departments: ['PPE', 'JAN'] },
  { name: 'Lumenpike', departments: ['ELE'] },
  { name: 'Coppervale Electric', departments: ['ELE'] },
  { name: 'Pipewright Supply', departments: ['PLB'] },
  { name: 'Harbor Valve Works', departments: ['PLB', 'HYD'] },
  { name: 'Quarrystone Abrasives', departments: ['ABR'] },
  { name: 'Flintedge', departments: ['ABR', 'WLD'] },
  { name: 'Hydrafirm', departments: ['HYD'] },
  { name: 'Airloch Pneumatics', departments: ['HYD'] },
  { name: 'Palleton', departments: ['MHE'] },
  { name: 'Stoutlift', departments: ['MHE'] },
  { name: 'Rackwell Storage', departments: ['MHE'] },
  { name: 'Arcforge', departments: ['WLD'] },
  { name: 'Beadline Welding', departments: ['WLD'] },
  { name: 'Tidyworks', departments: ['JAN'] },
];

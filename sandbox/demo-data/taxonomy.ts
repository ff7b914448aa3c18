/**
 * What the distributor sells: the category tree and, on each leaf, the product families that fill it. Pure data;
 * `catalog.ts` turns it into products. Kept apart so that a reader can see (and extend) the assortment without
 * reading generator code.
 *
 * A family is a product line whose members differ along a few attribute axes ("Hex Cap Screw" × grade × thread ×
 * length × finish). Each axis value carries a short code that becomes part of the SKU, which is how distributors
 * build SKUs ("FAS-HCS-G8-0375-200-ZY"). Axes listed in `optionAxes` may instead become storefront options (Size,
 * Color, Length); such an axis must stand alone in its own name part so the name still reads well without it.
 */

export interface AxisValue {
  label: string;
  /** Upper-case alphanumeric SKU segment. */
  code: string;
}

export interface AxisSpec {
  name: string;
  values: AxisValue[];
  /** Later values cost more (bigger sizes, longer lengths). */
  scalesPrice: boolean;
}

export interface FamilySpec {
  /** SKU family segment, e.g. "HCS". */
  code: string;
  noun: string;
  axes: AxisSpec[];
  /** Name parts after the noun; "{Axis}" placeholders are replaced by the axis label. */
  parts: string[];
  /** Appended to the name, e.g. "Box of 50". */
  pack: string | null;
  unitOfMeasure: string;
  /** List price range in USD cents for the cheapest combination. */
  priceCents: [number, number];
  weightGrams: [number, number];
  optionAxes: string[];
  /** Fixed specifications every member shares (material, standard). */
  specs: [string, string][];
  blurb: string;
  /** Relative share of the catalog. */
  weight: number;
}

export interface CategoryNode {
  name: string;
  slug: string;
  description: string;
  /** Roots only: the department prefix of every SKU below it. */
  code?: string;
  children?: CategoryNode[];
  families?: FamilySpec[];
}

/** Parse "Label=CODE|Label=CODE"; a leading "^" on the axis name marks a price-scaling axis. */
function ax(name: string, values: string): AxisSpec {
  const scalesPrice = name.startsWith('^');
  return {
    name: scalesPrice ? name.slice(1) : name,
    scalesPrice,
    values: values.split('|').map((pair) => {
      const [label = '', code = ''] = pair.split('=');
      return { label, code };
    }),
  };
}

type FamilyInput = Omit<FamilySpec, 'pack' | 'optionAxes' | 'specs' | 'weight'> &
  Partial<Pick<FamilySpec, 'pack' | 'optionAxes' | 'specs' | 'weight'>>;

function fam(input: FamilyInput): FamilySpec {
  return { pack: null, optionAxes: [], specs: [], weight: 1, ...input };
}

function leaf(name: string, slug: string, description: string, families: FamilySpec[]): CategoryNode {
  return { name, slug, description, families };
}

function branch(name: string, slug: string, description: string, children: CategoryNode[]): CategoryNode {
  return { name, slug, description, children };
}

const FINISH = ax('Finish', 'Zinc Plated=ZP|Zinc Yellow=ZY|Plain=PL|Black Oxide=BO|Hot-Dip Galvanized=HDG');
const COLOR_BASIC = ax('Color', 'Black=BLK|Red=RED|White=WHT|Blue=BLU|Green=GRN|Yellow=YEL');
const GLOVE_SIZE = ax('^Size', 'S=S|M=M|L=L|XL=XL|2XL=2XL');
const APPAREL_SIZE = ax('^Size', 'S/M=SM|L/XL=LXL|2XL/3XL=2X3X|4XL/5XL=4X5X');
const GRIT = ax('Grit', '36 Grit=36|40 Grit=40|60 Grit=60|80 Grit=80|120 Grit=120|220 Grit=220');
const DISC_DIA = ax('^Diameter', '4-1/2 in=45|5 in=50|6 in=60|7 in=70');

export const TAXONOMY: CategoryNode[] = [
  {
    name: 'Fasteners',
    slug: 'fasteners',
    code: 'FAS',
    description: 'Screws, bolts, nuts, washers and anchors in inch and metric sizes, boxed and bulk.',
    children: [
      branch('Screws & Bolts', 'screws-bolts', 'Cap screws and bolts for structural and machine assembly.', [
        leaf('Hex Cap Screws', 'hex-cap-screws', 'Grade 5 and Grade 8 hex cap screws, UNC threads.', [
          fam({
            code: 'HCS',
            noun: 'Hex Cap Screw',
            axes: [
              ax('Grade', 'Grade 5=G5|Grade 8=G8|Grade 2=G2'),
              ax('^Thread Size', '1/4-20=0250|5/16-18=0312|3/8-16=0375|1/2-13=0500|5/8-11=0625|3/4-10=0750'),
              ax('^Length', '1 in=100|1-1/2 in=150|2 in=200|3 in=300|4 in=400'),
              FINISH,
            ],
            parts: ['{Grade}', '{Thread Size} x {Length}', '{Finish}'],
            pack: 'Box of 50',
            unitOfMeasure: 'BX/50',
            priceCents: [899, 2400],
            weightGrams: [400, 3200],
            specs: [['Thread Type', 'UNC']],
            blurb: 'Fully threaded hex head cap screws for general machinery and structural connections.',
          }),
        ]),
        leaf('Socket Head Cap Screws', 'socket-head-cap-screws', 'Alloy steel socket head cap screws.', [
          fam({
            code: 'SHC',
            noun: 'Socket Head Cap Screw',
            axes: [
              ax(
                '^Thread Size',
                'M4 x 0.7=M4|M5 x 0.8=M5|M6 x 1.0=M6|M8 x 1.25=M8|M10 x 1.5=M10|M12 x 1.75=M12|M16 x 2.0=M16',
              ),
              ax('^Length', '16 mm=16|20 mm=20|25 mm=25|30 mm=30|40 mm=40|50 mm=50'),
              ax('Material', 'Alloy Steel Class 12.9=AS|18-8 Stainless=SS|A4 Stainless=A4'),
            ],
            parts: ['{Thread Size} x {Length}', '{Material}'],
            pack: 'Box of 100',
            unitOfMeasure: 'BX/100',
            priceCents: [1199, 3600],
            weightGrams: [150, 1800],
            specs: [
              ['Drive', 'Hex Socket'],
              ['Standard', 'ISO 4762'],
            ],
            blurb: 'Precision socket head cap screws for dies, fixtures and tight clearances.',
          }),
        ]),
        leaf('Carriage Bolts', 'carriage-bolts', 'Round head carriage bolts for wood and steel.', [
          fam({
            code: 'CBT',
            noun: 'Carriage Bolt',
            axes: [
              ax('^Thread Size', '1/4-20=0250|5/16-18=0312|3/8-16=0375|1/2-13=0500'),
              ax('^Length', '2 in=200|3 in=300|4 in=400|5 in=500|6 in=600|8 in=800'),
              FINISH,
            ],
            parts: ['{Thread Size} x {Length}', '{Finish}'],
            pack: 'Box of 25',
            unitOfMeasure: 'BX/25',
            priceCents: [749, 1999],
            weightGrams: [300, 2600],
            specs: [['Head Style', 'Round, Square Neck']],
            blurb: 'Square-neck carriage bolts that lock into wood and resist turning when tightened.',
          }),
        ]),
      ]),
      leaf('Nuts', 'nuts', 'Hex nuts and lock nuts to match every bolt we stock.', [
        fam({
          code: 'HXN',
          noun: 'Hex Nut',
          axes: [
            ax('Style', 'Finished=FIN|Heavy=HVY'),
            ax('Grade', 'Grade 5=G5|Grade 8=G8|Grade 2=G2'),
            ax('^Thread Size', '1/4-20=0250|5/16-18=0312|3/8-16=0375|1/2-13=0500|5/8-11=0625|3/4-10=0750'),
            FINISH,
          ],
          parts: ['{Style}', '{Grade}', '{Thread Size}', '{Finish}'],
          pack: 'Box of 100',
          unitOfMeasure: 'BX/100',
          priceCents: [499, 1499],
          weightGrams: [250, 2400],
          blurb: 'Finished hex nuts for use with matching grade bolts and cap screws.',
        }),
        fam({
          code: 'NLN',
          noun: 'Nylon Insert Lock Nut',
          axes: [
            ax('Style', 'Standard=STD|Thin Pattern=THN'),
            ax('^Thread Size', '#10-24=0190|1/4-20=0250|5/16-18=0312|3/8-16=0375|1/2-13=0500'),
            ax('Material', 'Zinc Plated Steel=ZP|18-8 Stainless=SS|Grade 8 Yellow Zinc=G8'),
          ],
          parts: ['{Style}', '{Thread Size}', '{Material}'],
          pack: 'Box of 100',
          unitOfMeasure: 'BX/100',
          priceCents: [599, 1899],
          weightGrams: [150, 1500],
          specs: [
            ['Insert', 'Nylon'],
            ['Max Temperature', '250 °F'],
          ],
          blurb: 'Prevailing-torque lock nuts that resist loosening from vibration.',
        }),
      ]),
      leaf('Washers', 'washers', 'Flat, lock and fender washers.', [
        fam({
          code: 'FWS',
          noun: 'Flat Washer',
          axes: [
            ax('Type', 'SAE=SAE|USS=USS|Fender=FEN'),
            ax('^Bolt Size', '#10=0190|1/4 in=0250|5/16 in=0312|3/8 in=0375|1/2 in=0500|5/8 in=0625|3/4 in=0750'),
            FINISH,
          ],
          parts: ['{Type}', '{Bolt Size}', '{Finish}'],
          pack: 'Box of 100',
          unitOfMeasure: 'BX/100',
          priceCents: [399, 1299],
          weightGrams: [200, 1600],
          blurb: 'Flat washers that spread the load of a nut or bolt head.',
        }),
        fam({
          code: 'LWS',
          noun: 'Split Lock Washer',
          axes: [
            ax('Type', 'Regular=REG|Heavy Duty=HD|Hi-Collar=HC'),
            ax('^Bolt Size', '1/4 in=0250|5/16 in=0312|3/8 in=0375|1/2 in=0500|5/8 in=0625'),
            ax('Material', 'Zinc Plated Steel=ZP|18-8 Stainless=SS|Plain Steel=PL'),
          ],
          parts: ['{Type}', '{Bolt Size}', '{Material}'],
          pack: 'Box of 100',
          unitOfMeasure: 'BX/100',
          priceCents: [349, 999],
          weightGrams: [100, 900],
          specs: [['Standard', 'ASME B18.21.1']],
          blurb: 'Helical spring washers that keep bolted joints under tension.',
        }),
      ]),
      leaf('Anchors', 'anchors', 'Concrete and masonry anchors.', [
        fam({
          code: 'WDA',
          noun: 'Wedge Anchor',
          axes: [
            ax('^Diameter', '1/4 in=0250|3/8 in=0375|1/2 in=0500|5/8 in=0625|3/4 in=0750'),
            ax('^Length', '2-1/4 in=225|3 in=300|3-3/4 in=375|4-1/4 in=425|5-1/2 in=550|7 in=700'),
            ax('Material', 'Zinc Plated=ZP|Hot-Dip Galvanized=HDG|304 Stainless=SS'),
          ],
          parts: ['{Diameter} x {Length}', '{Material}'],
          pack: 'Box of 25',
          unitOfMeasure: 'BX/25',
          priceCents: [1499, 5999],
          weightGrams: [500, 4000],
          specs: [['Base Material', 'Concrete']],
          blurb: 'Expansion wedge anchors for heavy-duty fastening into solid concrete.',
        }),
      ]),
      leaf('Threaded Rod', 'threaded-rod', 'Fully threaded rod in 3, 6 and 12 ft lengths.', [
        fam({
          code: 'THR',
          noun: 'Threaded Rod',
          axes: [
            ax(
              '^Thread Size',
              '1/4-20=0250|5/16-18=0312|3/8-16=0375|1/2-13=0500|5/8-11=0625|3/4-10=0750|7/8-9=0875|1-8=1000',
            ),
            ax('^Length', '3 ft=3FT|6 ft=6FT|10 ft=10FT|12 ft=12FT'),
            ax('Material', 'Zinc Plated Steel=ZP|B7 Alloy Steel=B7|304 Stainless=SS'),
          ],
          parts: ['{Thread Size} x {Length}', '{Material}'],
          unitOfMeasure: 'EA',
          priceCents: [389, 4999],
          weightGrams: [300, 9000],
          blurb: 'All-thread rod for hangers, anchors and custom-length studs.',
        }),
      ]),
    ],
  },
  {
    name: 'Power Tools',
    slug: 'power-tools',
    code: 'PWR',
    description: 'Cordless and corded power tools, batteries and accessories for the jobsite and the shop.',
    children: [
      branch('Drills & Drivers', 'drills-drivers', 'Cordless drills, hammer drills and impact drivers.', [
        leaf(
          'Cordless Drill/Drivers',
          'cordless-drill-drivers',
          'Brushless cordless drill/drivers and hammer drills.',
          [
            fam({
              code: 'DRL',
              noun: 'Cordless Drill/Driver',
              axes: [
                ax('^Voltage', '12V=12V|18V=18V|20V Max=20V'),
                ax('Chuck', '3/8 in Chuck=38|1/2 in Chuck=12'),
                ax('^Kit', 'Tool Only=TO|Kit with 2 Batteries=K2|Kit with 1 Battery=K1'),
                ax('Motor', 'Brushless=BL|Brushed=BR'),
              ],
              parts: ['{Voltage}', '{Chuck}', '{Motor}', '{Kit}'],
              unitOfMeasure: 'EA',
              priceCents: [8999, 24999],
              weightGrams: [1100, 2400],
              specs: [['Clutch Settings', '22']],
              blurb: 'Compact cordless drill/driver for drilling and driving in wood, metal and plastics.',
            }),
          ],
        ),
        leaf('Impact Drivers', 'impact-drivers', 'Cordless impact drivers and impact wrenches.', [
          fam({
            code: 'IMP',
            noun: 'Cordless Impact Driver',
            axes: [
              ax('^Voltage', '12V=12V|18V=18V|20V Max=20V'),
              ax('Drive', '1/4 in Hex=14H|3/8 in Square=38S|1/2 in Square=12S'),
              ax('^Kit', 'Tool Only=TO|Kit with 1 Battery=K1|Kit with 2 Batteries=K2'),
              ax('Motor', 'Brushless=BL|Brushed=BR'),
            ],
            parts: ['{Voltage}', '{Drive}', '{Motor}', '{Kit}'],
            unitOfMeasure: 'EA',
            priceCents: [9999, 29999],
            weightGrams: [900, 2600],
            specs: [['Speeds', '3']],
            blurb: 'High-torque impact driver for lag screws, long fasteners and nut running.',
          }),
        ]),
      ]),
      leaf('Angle Grinders', 'angle-grinders', 'Corded and cordless angle grinders.', [
        fam({
          code: 'AGR',
          noun: 'Angle Grinder',
          axes: [
            DISC_DIA,
            ax('^Power', '7.5 A=75A|11 A=11A|13 A=13A|20V Cordless=20V'),
            ax('Switch', 'Paddle Switch=PD|Slide Switch=SL'),
            ax('Guard', 'Standard Guard=SG|Cutting Guard=CG'),
          ],
          parts: ['{Diameter}', '{Power}', '{Switch}', '{Guard}'],
          unitOfMeasure: 'EA',
          priceCents: [6999, 21999],
          weightGrams: [1800, 3200],
          specs: [['Spindle Thread', '5/8-11']],
          blurb: 'Angle grinder for grinding, cutting and surface preparation with guards included.',
        }),
      ]),
      branch('Saws', 'saws', 'Circular and reciprocating saws.', [
        leaf('Circular Saws', 'circular-saws', 'Sidewinder and worm drive circular saws.', [
          fam({
            code: 'CSW',
            noun: 'Circular Saw',
            axes: [
              ax('^Blade Size', '6-1/2 in=65|7-1/4 in=725|8-1/4 in=825'),
              ax('Drive', 'Sidewinder=SW|Worm Drive=WD'),
              ax('^Power', '15 A Corded=15A|20V Cordless=20V|60V Cordless=60V'),
              ax('^Kit', 'Tool Only=TO|With Case=KC|With Blade and Case=KB'),
            ],
            parts: ['{Blade Size}', '{Drive}', '{Power}', '{Kit}'],
            unitOfMeasure: 'EA',
            priceCents: [12999, 34999],
            weightGrams: [3000, 6500],
            specs: [['Bevel Capacity', '0–56°']],
            blurb: 'Jobsite circular saw with electric brake and magnesium shoe.',
          }),
        ]),
        leaf('Reciprocating Saws', 'reciprocating-saws', 'Corded and cordless reciprocating saws.', [
          fam({
            code: 'RSW',
            noun: 'Reciprocating Saw',
            axes: [
              ax('^Power', 'Compact 12V=12V|12 A Corded=12A|15 A Corded=15A|18V Cordless=18V|20V Cordless=20V'),
              ax('Stroke', '1-1/8 in Stroke=118|1-1/4 in Stroke=114'),
              ax('Action', 'Orbital Action=ORB|Straight Cut=STR'),
              ax('^Kit', 'Tool Only=TO|Kit with Case=KC'),
            ],
            parts: ['{Power}', '{Stroke}', '{Action}', '{Kit}'],
            unitOfMeasure: 'EA',
            priceCents: [9999, 27999],
            weightGrams: [2800, 4200],
            specs: [['Blade Clamp', 'Tool-Free']],
            blurb: 'Demolition-grade reciprocating saw with variable speed trigger.',
          }),
        ]),
      ]),
      leaf('Batteries & Chargers', 'batteries-chargers', 'Lithium-ion batteries, chargers and starter kits.', [
        fam({
          code: 'BAT',
          noun: 'Lithium-Ion Battery Pack',
          axes: [
            ax('^Voltage', '12V=12V|18V=18V|20V Max=20V|60V Max=60V'),
            ax('^Capacity', '2.0 Ah=20|4.0 Ah=40|5.0 Ah=50|6.0 Ah=60|8.0 Ah=80'),
            ax('Pack', 'Single=1PK|Twin Pack=2PK'),
          ],
          parts: ['{Voltage}', '{Capacity}', '{Pack}'],
          unitOfMeasure: 'EA',
          priceCents: [5999, 24999],
          weightGrams: [300, 1600],
          specs: [['Fuel Gauge', 'Yes']],
          blurb: 'Slide-style lithium-ion battery with charge indicator and overload protection.',
        }),
      ]),
      leaf('Drill Bits', 'drill-bits', 'Jobber drill bits, step bits and sets.', [
        fam({
          code: 'DBT',
          noun: 'Jobber Length Drill Bit',
          axes: [
            ax(
              'Material',
              'High-Speed Steel=HSS|Cobalt M42=CO|Black Oxide HSS=BO|TiN-Coated HSS=TIN|Carbide-Tipped=CT',
            ),
            ax('Point', '118° Point=118|135° Split Point=135'),
            ax('Shank', 'Straight Shank=SS|3-Flat Shank=3F|Reduced Shank=RS'),
            ax('^Diameter', '1/8 in=0125|3/16 in=0188|1/4 in=0250|5/16 in=0312|3/8 in=0375|1/2 in=0500'),
          ],
          parts: ['{Material}', '{Point}', '{Shank}', '{Diameter}'],
          pack: 'Pack of 6',
          unitOfMeasure: 'PK/6',
          priceCents: [899, 4999],
          weightGrams: [40, 600],
          optionAxes: ['Diameter'],
          specs: [['Flute', 'Parabolic']],
          blurb: 'General-purpose jobber bits for drilling steel, aluminum, wood and plastics.',
        }),
      ]),
    ],
  },
  {
    name: 'Hand Tools',
    slug: 'hand-tools',
    code: 'HND',
    description: 'Wrenches, pliers, screwdrivers, hammers and measuring tools built for daily professional use.',
    children: [
      leaf('Wrenches', 'wrenches', 'Combination, adjustable and ratcheting wrenches.', [
        fam({
          code: 'WRN',
          noun: 'Combination Wrench',
          axes: [
            ax('Style', 'Standard=STD|Ratcheting=RAT|Flex-Head Ratcheting=FLX|Stubby=STB'),
            ax('System', 'SAE=SAE|Metric=MET'),
            ax('Finish', 'Full Polish=FP|Satin Chrome=SC|Black Industrial=BI'),
            ax('^Size', '3/8 in=0375|1/2 in=0500|9/16 in=0562|5/8 in=0625|3/4 in=0750|7/8 in=0875'),
          ],
          parts: ['{Style}', '{System}', '{Finish}', '{Size}'],
          unitOfMeasure: 'EA',
          priceCents: [899, 3499],
          weightGrams: [60, 500],
          optionAxes: ['Size'],
          specs: [['Box End', '12-Point']],
          blurb: 'Forged chrome vanadium combination wrench with 15° offset box end.',
        }),
      ]),
      leaf('Pliers', 'pliers', 'Linesman, diagonal cutting and tongue-and-groove pliers.', [
        fam({
          code: 'PLR',
          noun: 'Pliers',
          axes: [
            ax('Type', 'Linesman=LN|Diagonal Cutting=DC|Tongue-and-Groove=TG|Long Nose=NN|Slip Joint=SJ|Locking=LK'),
            ax('^Length', '6 in=6|8 in=8|9-1/2 in=95|10 in=10'),
            ax('Handle', 'Dipped Grip=DG|Comfort Grip=CG|1000V Insulated=INS'),
          ],
          parts: ['{Type}', '{Length}', '{Handle}'],
          unitOfMeasure: 'EA',
          priceCents: [1299, 4999],
          weightGrams: [150, 450],
          specs: [['Material', 'Forged Alloy Steel']],
          blurb: 'Induction-hardened cutting edges and a high-leverage rivet for less hand fatigue.',
        }),
      ]),
      leaf('Screwdrivers', 'screwdrivers', 'Screwdrivers and nut drivers.', [
        fam({
          code: 'SDR',
          noun: 'Screwdriver',
          axes: [
            ax(
              'Tip',
              'Phillips #0=PH0|Phillips #1=PH1|Phillips #2=PH2|Phillips #3=PH3|Slotted 3/16 in=SL316|Slotted 1/4 in=SL14|Square #1=SQ1|Square #2=SQ2|Torx T15=T15|Torx T25=T25',
            ),
            ax('^Shank Length', '3 in=3|4 in=4|6 in=6|8 in=8'),
            ax('Handle', 'Cushion Grip=CG|1000V Insulated=INS'),
          ],
          parts: ['{Tip}', '{Shank Length}', '{Handle}'],
          unitOfMeasure: 'EA',
          priceCents: [499, 1999],
          weightGrams: [60, 250],
          specs: [['Shank', 'Chrome Vanadium']],
          blurb: 'Magnetic-tip screwdriver with a tri-lobe grip for torque without slipping.',
        }),
      ]),
      leaf('Hammers', 'hammers', 'Claw, ball peen, dead blow and sledge hammers.', [
        fam({
          code: 'HAM',
          noun: 'Hammer',
          axes: [
            ax('Type', 'Ball Peen=BP|Rip Claw=RC|Dead Blow=DB|Drilling=DR|Sledge=SL'),
            ax('^Head Weight', '16 oz=16|24 oz=24|32 oz=32|48 oz=48|3 lb=3LB'),
            ax('Handle', 'Fiberglass=FG|Hickory=HK|Steel=ST'),
          ],
          parts: ['{Type}', '{Head Weight}', '{Handle}'],
          unitOfMeasure: 'EA',
          priceCents: [1499, 5999],
          weightGrams: [500, 2200],
          specs: [['Head', 'Forged Steel']],
          blurb: 'Balanced hammer with anti-vibration grip for all-day striking.',
        }),
      ]),
      leaf('Measuring Tools', 'measuring-tools', 'Tape measures, levels and squares.', [
        fam({
          code: 'TAP',
          noun: 'Tape Measure',
          axes: [
            ax('^Length', '16 ft=16|25 ft=25|30 ft=30|35 ft=35'),
            ax('Blade Width', '3/4 in Blade=075|1 in Blade=100|1-1/4 in Blade=125'),
            ax('Graduation', 'SAE=SAE|SAE/Metric=SM'),
            ax('Case', 'Chrome Case=CHR|Rubber Overmold Case=RUB|Compact Case=CMP'),
          ],
          parts: ['{Length}', '{Blade Width}', '{Graduation}', '{Case}'],
          unitOfMeasure: 'EA',
          priceCents: [899, 3499],
          weightGrams: [250, 700],
          specs: [['Blade Coating', 'Nylon']],
          blurb: 'Nylon-coated blade with a magnetic hook and long standout.',
        }),
      ]),
    ],
  },
  {
    name: 'Safety & PPE',
    slug: 'safety-ppe',
    code: 'PPE',
    description: 'Gloves, eye and hearing protection, hard hats and high-visibility apparel for compliant worksites.',
    children: [
      branch('Hand Protection', 'hand-protection', 'Work gloves for cut, chemical and general handling hazards.', [
        leaf('Cut-Resistant Gloves', 'cut-resistant-gloves', 'ANSI A2–A9 cut-resistant gloves.', [
          fam({
            code: 'CRG',
            noun: 'Cut-Resistant Gloves',
            axes: [
              ax('^Cut Level', 'ANSI A2=A2|ANSI A4=A4|ANSI A6=A6|ANSI A9=A9'),
              ax('Coating', 'Polyurethane Palm=PU|Nitrile Foam Palm=NF|Sandy Nitrile=SN'),
              ax('Gauge', '13 Gauge=13G|18 Gauge=18G'),
              ax('Shell Color', 'Gray Shell=GRY|Hi-Vis Yellow Shell=HVY|Black Shell=BLK'),
              GLOVE_SIZE,
            ],
            parts: ['{Cut Level}', '{Coating}', '{Gauge}', '{Shell Color}', '{Size}'],
            pack: 'Pack of 12 Pairs',
            unitOfMeasure: 'PK/12',
            priceCents: [2999, 11999],
            weightGrams: [400, 900],
            optionAxes: ['Size'],
            specs: [['Cuff', 'Knit Wrist']],
            blurb: 'Seamless knit gloves with HPPE shell for sheet-metal and glass handling.',
          }),
        ]),
        leaf('Disposable Gloves', 'disposable-gloves', 'Nitrile and latex disposable gloves.', [
          fam({
            code: 'DGL',
            noun: 'Disposable Gloves',
            axes: [
              ax('Material', 'Nitrile=NIT|Latex=LTX|Vinyl=VIN'),
              ax('^Thickness', '3 mil=3|4 mil=4|5 mil=5|6 mil=6|8 mil=8'),
              ax('Color', 'Blue=BLU|Black=BLK|Orange=ORG'),
              GLOVE_SIZE,
            ],
            parts: ['{Material}', '{Thickness}', '{Color}', '{Size}'],
            pack: 'Box of 100',
            unitOfMeasure: 'BX/100',
            priceCents: [899, 2499],
            weightGrams: [500, 1100],
            optionAxes: ['Size', 'Color'],
            specs: [['Powder Free', 'Yes']],
            blurb: 'Textured fingertip disposable gloves for maintenance, assembly and chemical splash.',
          }),
        ]),
      ]),
      leaf('Eye Protection', 'eye-protection', 'Safety glasses, goggles and face shields.', [
        fam({
          code: 'SGL',
          noun: 'Safety Glasses',
          axes: [
            ax('Frame', 'Wraparound=WR|Half Frame=HF|Full Frame=FF|Over-the-Glass=OTG'),
            ax('Temple', 'Standard Temple=ST|Adjustable Temple=AT|Foam-Lined=FL'),
            ax('Lens Tint', 'Clear=CLR|Gray=GRY|Amber=AMB|Indoor/Outdoor Mirror=IO'),
            ax('Coating', 'Anti-Fog=AF|Anti-Scratch=AS|Anti-Fog/Anti-Scratch=AFS'),
          ],
          parts: ['{Frame}', '{Temple}', '{Lens Tint}', '{Coating}'],
          pack: 'Box of 12',
          unitOfMeasure: 'BX/12',
          priceCents: [2499, 8999],
          weightGrams: [300, 700],
          optionAxes: ['Lens Tint'],
          specs: [['Standard', 'ANSI Z87.1+']],
          blurb: 'Impact-rated polycarbonate eyewear with 99.9% UV protection.',
        }),
      ]),
      leaf('Hearing Protection', 'hearing-protection', 'Ear plugs and earmuffs.', [
        fam({
          code: 'EPL',
          noun: 'Disposable Foam Ear Plugs',
          axes: [
            ax('^NRR', 'NRR 29 dB=29|NRR 32 dB=32|NRR 33 dB=33'),
            ax('Style', 'Corded=CRD|Uncorded=UNC'),
            ax('Color', 'Orange=ORG|Yellow=YEL|Green=GRN|Blue Detectable=BLD'),
            ax('^Pack', 'Box of 100 Pairs=100|Box of 200 Pairs=200'),
          ],
          parts: ['{NRR}', '{Style}', '{Color}', '{Pack}'],
          unitOfMeasure: 'BX',
          priceCents: [1999, 5499],
          weightGrams: [300, 900],
          specs: [['Material', 'Polyurethane Foam']],
          blurb: 'Tapered foam plugs that expand for a comfortable, secure seal.',
        }),
      ]),
      leaf('High-Visibility Apparel', 'high-visibility-apparel', 'ANSI Class 2 and 3 vests and jackets.', [
        fam({
          code: 'HVV',
          noun: 'High-Visibility Safety Vest',
          axes: [
            ax('Class', 'ANSI Class 2=C2|ANSI Class 3=C3'),
            ax('Color', 'Lime=LIM|Orange=ORG'),
            ax('Closure', 'Zipper=ZIP|Hook-and-Loop=HL'),
            ax('Style', 'Mesh=MSH|Solid=SOL|Surveyor=SRV|Breakaway=BRK'),
            APPAREL_SIZE,
          ],
          parts: ['{Class}', '{Style}', '{Closure}', '{Color}', '{Size}'],
          unitOfMeasure: 'EA',
          priceCents: [899, 3499],
          weightGrams: [150, 400],
          optionAxes: ['Size', 'Color'],
          specs: [['Reflective Tape', '2 in Silver']],
          blurb: 'Breathable mesh vest with reflective striping and pockets for radios and pens.',
        }),
      ]),
      leaf('Head Protection', 'head-protection', 'Hard hats and bump caps.', [
        fam({
          code: 'HHT',
          noun: 'Hard Hat',
          axes: [
            ax('Type', 'Type I Cap Style=T1C|Type I Full Brim=T1B|Type II Cap Style=T2C'),
            ax('Suspension', '4-Point Ratchet=4R|6-Point Ratchet=6R'),
            ax('Vents', 'Vented=V|Non-Vented=NV'),
            ax('Accessory', 'No Accessories=NA|With Chin Strap=CS|With Earmuffs=EM'),
            ax('Color', 'White=WHT|Yellow=YEL|Orange=ORG|Blue=BLU|Hi-Vis Green=GRN'),
          ],
          parts: ['{Type}', '{Suspension}', '{Vents}', '{Accessory}', '{Color}'],
          unitOfMeasure: 'EA',
          priceCents: [1499, 5999],
          weightGrams: [350, 600],
          optionAxes: ['Color'],
          specs: [['Standard', 'ANSI Z89.1 Class E']],
          blurb: 'HDPE shell hard hat with ratchet suspension and accessory slots.',
        }),
      ]),
    ],
  },
  {
    name: 'Electrical',
    slug: 'electrical',
    code: 'ELE',
    description: 'Wire, cable ties, boxes, cords and LED lighting for facilities and contractors.',
    children: [
      leaf('Wire & Cable', 'wire-cable', 'THHN building wire and portable cord.', [
        fam({
          code: 'THN',
          noun: 'THHN Building Wire',
          axes: [
            ax('^Gauge', '14 AWG=14|12 AWG=12|10 AWG=10|8 AWG=8|6 AWG=6|4 AWG=4|2 AWG=2'),
            ax('Conductor', 'Solid Copper=SOL|Stranded Copper=STR'),
            ax('^Spool', '500 ft Spool=500|1000 ft Spool=1000'),
            COLOR_BASIC,
          ],
          parts: ['{Gauge}', '{Conductor}', '{Spool}', '{Color}'],
          unitOfMeasure: 'SPL',
          priceCents: [4999, 39999],
          weightGrams: [3000, 24000],
          optionAxes: ['Color'],
          specs: [['Voltage Rating', '600 V']],
          blurb: 'UL-listed THHN/THWN-2 copper conductor for conduit and raceways.',
        }),
      ]),
      leaf('Cable Ties', 'cable-ties', 'Nylon and stainless cable ties.', [
        fam({
          code: 'CTY',
          noun: 'Cable Ties',
          axes: [
            ax('^Length', '4 in=4|8 in=8|11 in=11|14 in=14|24 in=24'),
            ax('^Tensile Strength', '18 lb=18|50 lb=50|120 lb=120'),
            ax('Style', 'Standard=STD|Releasable=REL|Mounting Head=MH'),
            ax('Color', 'Natural=NAT|UV Black=BLK|Red=RED|Blue=BLU'),
          ],
          parts: ['{Style}', '{Length}', '{Tensile Strength}', '{Color}'],
          pack: 'Pack of 100',
          unitOfMeasure: 'PK/100',
          priceCents: [149, 2499],
          weightGrams: [50, 900],
          optionAxes: ['Color'],
          specs: [['Material', 'Nylon 6/6']],
          blurb: 'One-piece nylon cable ties with a smooth rounded edge.',
        }),
      ]),
      leaf('Electrical Boxes', 'electrical-boxes', 'Steel and PVC device and junction boxes.', [
        fam({
          code: 'EBX',
          noun: 'Electrical Box',
          axes: [
            ax('Type', '4 in Square=4SQ|Single Gang=1G|Two Gang=2G|Octagon=OCT'),
            ax('Material', 'Steel=STL|PVC=PVC'),
            ax('^Depth', '1-1/2 in Deep=150|2-1/8 in Deep=212'),
            ax('Cover', 'No Cover=NC|With Raised Cover=RC|With Blank Cover=BC'),
          ],
          parts: ['{Type}', '{Material}', '{Depth}', '{Cover}'],
          pack: 'Box of 25',
          unitOfMeasure: 'BX/25',
          priceCents: [2499, 9999],
          weightGrams: [1500, 8000],
          specs: [['Knockouts', '1/2 in and 3/4 in']],
          blurb: 'Device and junction boxes with combination knockouts and ground screw tap.',
        }),
      ]),
      branch('Lighting', 'lighting', 'LED fixtures for warehouses, shops and exteriors.', [
        leaf('LED High Bays', 'led-high-bays', 'Round and linear LED high bay fixtures.', [
          fam({
            code: 'LHB',
            noun: 'LED High Bay Fixture',
            axes: [
              ax('Shape', 'UFO Round=UFO|Linear=LIN'),
              ax('^Wattage', '100 W=100|150 W=150|200 W=200|240 W=240'),
              ax('Color Temperature', '4000K=40K|5000K=50K|5700K=57K'),
              ax('Mounting', 'Hook Mount=HK|Pendant Mount=PD|Chain Mount=CH'),
            ],
            parts: ['{Shape}', '{Wattage}', '{Color Temperature}', '{Mounting}'],
            unitOfMeasure: 'EA',
            priceCents: [12999, 44999],
            weightGrams: [2500, 7000],
            specs: [
              ['Input Voltage', '120–277 V'],
              ['Dimming', '0–10 V'],
            ],
            blurb: 'DLC-listed LED high bay replacing 400 W metal halide fixtures.',
          }),
        ]),
        leaf('LED Wall Packs', 'led-wall-packs', 'Full cutoff LED wall packs.', [
          fam({
            code: 'LWP',
            noun: 'LED Wall Pack',
            axes: [
              ax('^Wattage', '30 W=30|60 W=60|80 W=80|120 W=120'),
              ax('Photocell', 'With Photocell=PC|No Photocell=NPC'),
              ax('Color Temperature', '4000K=40K|5000K=50K'),
              ax('Finish', 'Bronze=BRZ|Black=BLK|White=WHT'),
            ],
            parts: ['{Wattage}', '{Photocell}', '{Color Temperature}', '{Finish}'],
            unitOfMeasure: 'EA',
            priceCents: [7999, 24999],
            weightGrams: [1800, 4500],
            specs: [['IP Rating', 'IP65']],
            blurb: 'Full cutoff wall pack for perimeter and entrance lighting.',
          }),
        ]),
      ]),
      leaf('Extension Cords', 'extension-cords', 'Indoor/outdoor extension cords and cord reels.', [
        fam({
          code: 'EXC',
          noun: 'Extension Cord',
          axes: [
            ax('^Gauge', '16/3=163|14/3=143|12/3=123|10/3=103'),
            ax('Jacket', 'SJTW=SJTW|SJOOW=SJOOW'),
            ax('Ends', 'Single Outlet=1|Triple Tap=3|Lighted End=LE'),
            ax('^Length', '25 ft=25|50 ft=50|100 ft=100'),
          ],
          parts: ['{Gauge}', '{Jacket}', '{Ends}', '{Length}'],
          unitOfMeasure: 'EA',
          priceCents: [1999, 8999],
          weightGrams: [1000, 6000],
          optionAxes: ['Length'],
          specs: [['Rating', '15 A, 125 V']],
          blurb: 'Jobsite extension cord with a cold-flexible jacket.',
        }),
      ]),
    ],
  },
  {
    name: 'Plumbing',
    slug: 'plumbing',
    code: 'PLB',
    description: 'Pipe, fittings, valves and sealants for commercial plumbing and maintenance.',
    children: [
      branch('Pipe Fittings', 'pipe-fittings', 'Copper and PVC pipe fittings.', [
        leaf('Copper Fittings', 'copper-fittings', 'Wrot copper sweat fittings.', [
          fam({
            code: 'CFT',
            noun: 'Copper Fitting',
            axes: [
              ax(
                'Type',
                '90° Elbow=90E|45° Elbow=45E|Tee=TEE|Coupling=CPL|Cap=CAP|Union=UN|Street 90° Elbow=S90|Female Adapter=FA',
              ),
              ax('Connection', 'Sweat=SWT|Press=PRS'),
              ax('Material', 'Wrot Copper=WC|Cast Bronze=CB'),
              ax('^Size', '1/2 in=050|3/4 in=075|1 in=100|1-1/4 in=125|1-1/2 in=150|2 in=200'),
            ],
            parts: ['{Type}', '{Material}', '{Connection}', '{Size}'],
            pack: 'Bag of 10',
            unitOfMeasure: 'BG/10',
            priceCents: [899, 8999],
            weightGrams: [100, 2400],
            optionAxes: ['Size'],
            specs: [['Lead Free', 'Yes']],
            blurb: 'Lead-free copper fittings for potable water and HVAC lines.',
          }),
        ]),
        leaf('PVC Fittings', 'pvc-fittings', 'Schedule 40 and 80 PVC fittings.', [
          fam({
            code: 'PFT',
            noun: 'PVC Fitting',
            axes: [
              ax('Schedule', 'Schedule 40=S40|Schedule 80=S80'),
              ax(
                'Type',
                '90° Elbow=90E|45° Elbow=45E|Tee=TEE|Coupling=CPL|Male Adapter=MA|Cap=CAP|Reducing Bushing=RB|Union=UN',
              ),
              ax('^Size', '1/2 in=050|3/4 in=075|1 in=100|1-1/2 in=150|2 in=200|3 in=300'),
            ],
            parts: ['{Schedule}', '{Type}', '{Size}'],
            pack: 'Bag of 10',
            unitOfMeasure: 'BG/10',
            priceCents: [449, 4999],
            weightGrams: [80, 2000],
            specs: [['Connection', 'Socket']],
            blurb: 'NSF-listed PVC pressure fittings for solvent-weld systems.',
          }),
        ]),
      ]),
      leaf('Valves', 'valves', 'Ball, gate and check valves.', [
        fam({
          code: 'BLV',
          noun: 'Ball Valve',
          axes: [
            ax('Body', 'Lead-Free Brass=LFB|316 Stainless=SS|PVC=PVC'),
            ax('Port', 'Full Port=FP|Standard Port=SP'),
            ax('End', 'FNPT=FNPT|Sweat=SWT|Press=PRS'),
            ax('^Size', '1/2 in=050|3/4 in=075|1 in=100|1-1/2 in=150|2 in=200'),
          ],
          parts: ['{Body}', '{Port}', '{End}', '{Size}'],
          unitOfMeasure: 'EA',
          priceCents: [1299, 18999],
          weightGrams: [200, 3500],
          specs: [['Pressure Rating', '600 WOG']],
          blurb: 'Quarter-turn ball valve with blowout-proof stem.',
        }),
      ]),
      leaf('Pipe & Tubing', 'pipe-tubing', 'PEX tubing and copper tube.', [
        fam({
          code: 'PEX',
          noun: 'PEX Tubing',
          axes: [
            ax('Type', 'PEX-A=A|PEX-B=B|PEX-AL-PEX=AL'),
            ax('^Size', '1/2 in=050|3/4 in=075|1 in=100'),
            ax('^Length', '100 ft Coil=100|300 ft Coil=300|500 ft Coil=500'),
            ax('Color', 'Red=RED|Blue=BLU|White=WHT'),
          ],
          parts: ['{Type}', '{Size}', '{Length}', '{Color}'],
          unitOfMeasure: 'CL',
          priceCents: [3999, 29999],
          weightGrams: [2000, 18000],
          optionAxes: ['Color'],
          specs: [['Max Temperature', '200 °F']],
          blurb: 'Flexible cross-linked polyethylene tubing for hot and cold water distribution.',
        }),
      ]),
      leaf('Sealants & Tape', 'sealants-tape', 'Thread sealants and PTFE tape.', [
        fam({
          code: 'PTT',
          noun: 'PTFE Thread Seal Tape',
          axes: [
            ax('Grade', 'General Purpose=GP|Gas Line=GAS|Heavy Density=HD'),
            ax('^Width', '1/2 in=050|3/4 in=075|1 in=100'),
            ax('^Length', '260 in=260|520 in=520|1429 in=1429'),
          ],
          parts: ['{Grade}', '{Width} x {Length}'],
          pack: 'Pack of 10 Rolls',
          unitOfMeasure: 'PK/10',
          priceCents: [599, 2999],
          weightGrams: [60, 400],
          specs: [['Temperature Range', '-450 °F to 500 °F']],
          blurb: 'Non-hardening PTFE tape for sealing threaded pipe joints.',
        }),
      ]),
    ],
  },
  {
    name: 'Abrasives',
    slug: 'abrasives',
    code: 'ABR',
    description: 'Grinding and cut-off wheels, sanding discs, flap discs and wire brushes.',
    children: [
      leaf('Grinding Wheels', 'grinding-wheels', 'Type 27 depressed-center grinding wheels.', [
        fam({
          code: 'GWH',
          noun: 'Type 27 Grinding Wheel',
          axes: [
            DISC_DIA,
            ax('Thickness', '1/8 in=18|1/4 in=14'),
            ax('Grain', 'Aluminum Oxide=AO|Zirconia=ZA|Ceramic=CER'),
            ax('Application', 'For Metal=MTL|For Stainless=SS'),
          ],
          parts: ['{Diameter}', '{Thickness}', '{Grain}', '{Application}'],
          pack: 'Box of 10',
          unitOfMeasure: 'BX/10',
          priceCents: [2499, 9999],
          weightGrams: [800, 4000],
          specs: [['Arbor', '7/8 in']],
          blurb: 'Depressed-center wheels for weld removal and heavy stock grinding.',
        }),
      ]),
      leaf('Cut-Off Wheels', 'cut-off-wheels', 'Thin cut-off wheels for metal and stainless.', [
        fam({
          code: 'COW',
          noun: 'Cut-Off Wheel',
          axes: [
            ax('^Diameter', '4-1/2 in=45|5 in=50|6 in=60|14 in=140'),
            ax('Thickness', '.040 in=040|.045 in=045|1/16 in=063|3/32 in=094'),
            ax(
              'Application',
              'For Metal=MTL|For Stainless Steel=SS|For Metal/Stainless=MS|For Aluminum=AL|For Masonry=MAS',
            ),
          ],
          parts: ['{Diameter} x {Thickness}', '{Application}'],
          pack: 'Box of 25',
          unitOfMeasure: 'BX/25',
          priceCents: [2499, 8999],
          weightGrams: [500, 6000],
          specs: [
            ['Type', 'Type 1'],
            ['Arbor', '7/8 in'],
          ],
          blurb: 'Fast, burr-free cuts in sheet metal, rebar and stainless.',
        }),
      ]),
      leaf('Sanding Discs', 'sanding-discs', 'Hook-and-loop and PSA sanding discs.', [
        fam({
          code: 'SND',
          noun: 'Sanding Disc',
          axes: [
            ax('^Diameter', '3 in=30|5 in=50|6 in=60|8 in=80'),
            ax('Attachment', 'Hook-and-Loop=HL|PSA=PSA'),
            ax('Grain', 'Aluminum Oxide=AO|Ceramic=CER|Silicon Carbide=SC'),
            ax('Holes', '8-Hole=8H|No Hole=NH'),
            GRIT,
          ],
          parts: ['{Diameter}', '{Grain}', '{Attachment}', '{Holes}', '{Grit}'],
          pack: 'Box of 50',
          unitOfMeasure: 'BX/50',
          priceCents: [1299, 4499],
          weightGrams: [200, 900],
          optionAxes: ['Grit'],
          specs: [['Backing', 'C-Weight Paper']],
          blurb: 'Anti-loading sanding discs for wood, paint and body filler.',
        }),
      ]),
      leaf('Flap Discs', 'flap-discs', 'Type 27 and Type 29 flap discs.', [
        fam({
          code: 'FLD',
          noun: 'Flap Disc',
          axes: [
            DISC_DIA,
            ax('Type', 'Type 27=T27|Type 29=T29'),
            ax('Grain', 'Zirconia=ZA|Ceramic=CER'),
            ax('Arbor', '7/8 in Arbor=78|5/8-11 Threaded Hub=TH'),
            ax('Grit', '40 Grit=40|60 Grit=60|80 Grit=80|120 Grit=120'),
          ],
          parts: ['{Diameter}', '{Type}', '{Grain}', '{Arbor}', '{Grit}'],
          pack: 'Box of 10',
          unitOfMeasure: 'BX/10',
          priceCents: [3999, 12999],
          weightGrams: [600, 2000],
          optionAxes: ['Grit'],
          specs: [['Backing', 'Fiberglass']],
          blurb: 'Grind and blend in one step with a longer life than fiber discs.',
        }),
      ]),
      leaf('Wire Brushes', 'wire-brushes', 'Knot and crimped wire wheels and cup brushes.', [
        fam({
          code: 'WBR',
          noun: 'Wire Wheel',
          axes: [
            ax('Style', 'Knotted=KN|Crimped=CR|Stringer Bead=SB'),
            ax('^Diameter', '4 in=4|4-1/2 in=45|6 in=6'),
            ax('Wire', 'Carbon Steel=CS|Stainless Steel=SS'),
            ax('Wire Diameter', '.014 in Wire=014|.020 in Wire=020'),
          ],
          parts: ['{Style}', '{Diameter}', '{Wire}', '{Wire Diameter}'],
          unitOfMeasure: 'EA',
          priceCents: [999, 3999],
          weightGrams: [200, 800],
          specs: [['Arbor', '5/8-11']],
          blurb: 'Wire wheel for rust, scale and weld-spatter removal on angle grinders.',
        }),
      ]),
    ],
  },
  {
    name: 'Hydraulics & Pneumatics',
    slug: 'hydraulics-pneumatics',
    code: 'HYD',
    description: 'Hydraulic hose, fittings and cylinders; air hose and quick couplers.',
    children: [
      leaf('Hydraulic Hose', 'hydraulic-hose', 'Wire-braided hydraulic hose assemblies.', [
        fam({
          code: 'HHS',
          noun: 'Hydraulic Hose Assembly',
          axes: [
            ax('Rating', 'SAE 100R1=R1|SAE 100R2=R2|SAE 100R17=R17'),
            ax('^ID', '1/4 in ID=04|3/8 in ID=06|1/2 in ID=08|3/4 in ID=12'),
            ax('Ends', 'JIC Female Both Ends=JJ|NPT Male Both Ends=NN|JIC Female x NPT Male=JN'),
            ax('^Length', '24 in=24|36 in=36|48 in=48|72 in=72'),
          ],
          parts: ['{Rating}', '{ID}', '{Ends}', '{Length}'],
          unitOfMeasure: 'EA',
          priceCents: [2999, 14999],
          weightGrams: [400, 3000],
          optionAxes: ['Length'],
          specs: [['Reinforcement', 'Steel Wire Braid']],
          blurb: 'Crimped hose assemblies built and pressure-tested to SAE J517.',
        }),
      ]),
      leaf('Hydraulic Fittings', 'hydraulic-fittings', 'JIC, ORFS and NPT adapters.', [
        fam({
          code: 'HFT',
          noun: 'Hydraulic Adapter',
          axes: [
            ax('Type', 'Straight=ST|90° Elbow=90E|Tee=TEE'),
            ax('Connection', 'JIC Male x NPT Male=JXN|ORFS Male x ORB Male=OXO|NPT Male x NPT Female=NXF'),
            ax('^Size', '-4=04|-6=06|-8=08|-12=12|-16=16'),
            ax('Material', 'Zinc Plated Steel=ZP|316 Stainless=SS'),
          ],
          parts: ['{Type}', '{Connection}', '{Size}', '{Material}'],
          unitOfMeasure: 'EA',
          priceCents: [189, 4999],
          weightGrams: [40, 600],
          blurb: 'Machined hydraulic adapters for 3,000+ psi systems.',
        }),
      ]),
      leaf('Pneumatic Fittings', 'pneumatic-fittings', 'Quick couplers and plugs.', [
        fam({
          code: 'QCP',
          noun: 'Quick Coupler',
          axes: [
            ax('Profile', 'Industrial (M)=M|Automotive (T)=T|ARO (A)=A'),
            ax('^Body Size', '1/4 in Body=14|3/8 in Body=38'),
            ax('Thread', '1/4 in NPT Female=14F|1/4 in NPT Male=14M|3/8 in NPT Female=38F'),
            ax('Material', 'Brass=BR|Steel=ST'),
          ],
          parts: ['{Profile}', '{Body Size}', '{Thread}', '{Material}'],
          pack: 'Pack of 5',
          unitOfMeasure: 'PK/5',
          priceCents: [1499, 5999],
          weightGrams: [100, 600],
          specs: [['Max Pressure', '300 psi']],
          blurb: 'Automatic sleeve couplers for shop air lines and tools.',
        }),
      ]),
      leaf('Air Hose', 'air-hose', 'Rubber and hybrid polymer air hose.', [
        fam({
          code: 'AHS',
          noun: 'Air Hose',
          axes: [
            ax('Material', 'Rubber=RUB|Hybrid Polymer=HYB|Polyurethane=PU'),
            ax('^ID', '1/4 in ID=14|3/8 in ID=38|1/2 in ID=12'),
            ax(
              'Fittings',
              '1/4 in NPT Male Both Ends=14M|3/8 in NPT Male Both Ends=38M|Industrial Couplers Installed=CPL',
            ),
            ax('Color', 'Red=RED|Yellow=YEL|Blue=BLU|Black=BLK'),
            ax('^Length', '25 ft=25|50 ft=50|100 ft=100'),
          ],
          parts: ['{Material}', '{ID}', '{Fittings}', '{Color}', '{Length}'],
          unitOfMeasure: 'EA',
          priceCents: [1999, 8999],
          weightGrams: [800, 7000],
          optionAxes: ['Length'],
          specs: [['Max Pressure', '300 psi']],
          blurb: 'Kink-resistant air hose that stays flexible in cold weather.',
        }),
      ]),
      leaf('Hydraulic Cylinders', 'hydraulic-cylinders', 'Tie-rod and welded hydraulic cylinders.', [
        fam({
          code: 'HCY',
          noun: 'Hydraulic Cylinder',
          axes: [
            ax('Construction', 'Tie-Rod=TR|Welded Clevis=WC'),
            ax('^Bore', '2 in Bore=20|2-1/2 in Bore=25|3 in Bore=30|4 in Bore=40'),
            ax('^Stroke', '8 in Stroke=8|12 in Stroke=12|24 in Stroke=24|36 in Stroke=36'),
            ax('Mount', 'Clevis Mount=CLV|Flange Mount=FLG'),
          ],
          parts: ['{Construction}', '{Bore}', '{Stroke}', '{Mount}'],
          unitOfMeasure: 'EA',
          priceCents: [14999, 159999],
          weightGrams: [6000, 40000],
          specs: [
            ['Max Pressure', '3,000 psi'],
            ['Action', 'Double Acting'],
          ],
          blurb: 'Double-acting cylinders for log splitters, lifts and agricultural equipment.',
        }),
      ]),
    ],
  },
  {
    name: 'Material Handling',
    slug: 'material-handling',
    code: 'MHE',
    description: 'Hand trucks, pallet jacks, casters, shelving and rigging.',
    children: [
      leaf('Hand Trucks', 'hand-trucks', 'Two-wheel and convertible hand trucks.', [
        fam({
          code: 'HTK',
          noun: 'Hand Truck',
          axes: [
            ax('Style', 'Two-Wheel=2W|Convertible=CNV|Appliance=APP'),
            ax('Frame', 'Steel=STL|Aluminum=ALU'),
            ax('^Capacity', '500 lb=500|600 lb=600|800 lb=800|1000 lb=1000'),
            ax('Wheels', 'Pneumatic=PN|Solid Rubber=SR'),
          ],
          parts: ['{Style}', '{Frame}', '{Capacity}', '{Wheels}'],
          unitOfMeasure: 'EA',
          priceCents: [9999, 44999],
          weightGrams: [12000, 30000],
          blurb: 'Heavy-duty hand truck with a wide nose plate and stair glides.',
        }),
      ]),
      leaf('Pallet Jacks', 'pallet-jacks', 'Manual and electric pallet jacks.', [
        fam({
          code: 'PJK',
          noun: 'Pallet Jack',
          axes: [
            ax('^Drive', 'Manual=MAN|Electric Walkie=ELW|Scale=SCL'),
            ax('^Capacity', '4,400 lb=4400|5,500 lb=5500'),
            ax('Forks', '27 x 48 in Forks=2748|21 x 48 in Forks=2148|27 x 36 in Forks=2736'),
            ax('Wheels', 'Polyurethane Wheels=PU|Nylon Wheels=NY'),
          ],
          parts: ['{Drive}', '{Capacity}', '{Forks}', '{Wheels}'],
          unitOfMeasure: 'EA',
          priceCents: [39999, 129999],
          weightGrams: [60000, 180000],
          specs: [['Lowered Height', '2.9 in']],
          blurb: 'Pallet jack with a sealed pump and polyurethane steer wheels.',
        }),
      ]),
      leaf('Casters', 'casters', 'Plate and stem casters.', [
        fam({
          code: 'CST',
          noun: 'Plate Caster',
          axes: [
            ax('Mount', 'Swivel=SW|Rigid=RG|Swivel with Brake=SWB'),
            ax('^Wheel Diameter', '3 in=3|4 in=4|5 in=5|6 in=6|8 in=8'),
            ax('Wheel', 'Polyurethane=PU|Rubber=RUB|Phenolic=PH|Cast Iron=CI'),
            ax('Bearing', 'Ball Bearing=BB|Roller Bearing=RB'),
          ],
          parts: ['{Mount}', '{Wheel Diameter}', '{Wheel}', '{Bearing}'],
          unitOfMeasure: 'EA',
          priceCents: [899, 7999],
          weightGrams: [400, 4000],
          specs: [['Plate', '4 x 4-1/2 in']],
          blurb: 'Industrial plate caster with sealed precision bearings.',
        }),
      ]),
      branch('Shelving & Racks', 'shelving-racks', 'Wire and boltless shelving units.', [
        leaf('Wire Shelving', 'wire-shelving', 'Chrome and epoxy wire shelving units.', [
          fam({
            code: 'WSH',
            noun: 'Wire Shelving Unit',
            axes: [
              ax('Finish', 'Chrome=CHR|Black Epoxy=BLK|Green Epoxy=GRN'),
              ax('^Size', '18 x 36 in=1836|18 x 48 in=1848|24 x 48 in=2448|24 x 60 in=2460'),
              ax('^Height', '54 in H=54|74 in H=74'),
              ax('Shelves', '4 Shelves=4S|5 Shelves=5S'),
            ],
            parts: ['{Finish}', '{Size}', '{Height}', '{Shelves}'],
            unitOfMeasure: 'EA',
            priceCents: [14999, 49999],
            weightGrams: [15000, 40000],
            specs: [['Capacity per Shelf', '600 lb']],
            blurb: 'NSF-listed wire shelving with adjustable shelves on 1 in increments.',
          }),
        ]),
        leaf('Boltless Shelving', 'boltless-shelving', 'Rivet-style boltless shelving.', [
          fam({
            code: 'BSH',
            noun: 'Boltless Shelving Unit',
            axes: [
              ax('Deck', 'Particleboard=PB|Wire Deck=WD|Steel Deck=SD'),
              ax('^Size', '24 x 48 in=2448|36 x 72 in=3672|24 x 96 in=2496'),
              ax('^Height', '72 in H=72|84 in H=84|96 in H=96'),
              ax('Color', 'Gray=GRY|Blue/Orange=BO'),
            ],
            parts: ['{Deck}', '{Size}', '{Height}', '{Color}'],
            unitOfMeasure: 'EA',
            priceCents: [19999, 89999],
            weightGrams: [30000, 90000],
            specs: [
              ['Levels', '5'],
              ['Capacity per Shelf', '1,000 lb'],
            ],
            blurb: 'Rivet shelving that assembles with a rubber mallet, no bolts.',
          }),
        ]),
      ]),
      leaf('Lifting Slings', 'lifting-slings', 'Polyester web slings and chain slings.', [
        fam({
          code: 'SLG',
          noun: 'Polyester Web Sling',
          axes: [
            ax('Type', 'Eye & Eye=EE|Endless=EN'),
            ax('Ply', '1-Ply=1P|2-Ply=2P|4-Ply=4P'),
            ax('^Width', '1 in Wide=1|2 in Wide=2|3 in Wide=3|4 in Wide=4|6 in Wide=6'),
            ax('^Length', '4 ft=4|6 ft=6|8 ft=8|10 ft=10|12 ft=12|20 ft=20'),
          ],
          parts: ['{Type}', '{Ply}', '{Width}', '{Length}'],
          unitOfMeasure: 'EA',
          priceCents: [1999, 14999],
          weightGrams: [300, 4000],
          optionAxes: ['Length'],
          specs: [['Standard', 'ASME B30.9']],
          blurb: 'Lightweight web sling that protects finished loads; tagged with rated capacities.',
        }),
      ]),
    ],
  },
  {
    name: 'Welding',
    slug: 'welding',
    code: 'WLD',
    description: 'MIG and stick welders, wire, electrodes and welding safety.',
    children: [
      leaf('MIG Wire', 'mig-wire', 'Solid and flux-cored MIG wire.', [
        fam({
          code: 'MWR',
          noun: 'MIG Welding Wire',
          axes: [
            ax(
              'Class',
              'ER70S-6=70S6|ER70S-3=70S3|E71T-GS Flux-Core=71TGS|E71T-1C Dual Shield=71T1|ER308L Stainless=308L|ER4043 Aluminum=4043',
            ),
            ax('^Spool', '2 lb Spool=2|11 lb Spool=11|33 lb Spool=33|44 lb Spool=44'),
            ax('^Diameter', '.023 in=023|.030 in=030|.035 in=035|.045 in=045'),
          ],
          parts: ['{Class}', '{Spool}', '{Diameter}'],
          unitOfMeasure: 'SPL',
          priceCents: [1999, 14999],
          weightGrams: [1000, 21000],
          optionAxes: ['Diameter'],
          specs: [['Standard', 'AWS A5.18']],
          blurb: 'Precision-layer-wound wire for smooth feeding and low spatter.',
        }),
      ]),
      leaf('Stick Electrodes', 'stick-electrodes', 'E6010, E6013 and E7018 stick electrodes.', [
        fam({
          code: 'ELC',
          noun: 'Stick Electrode',
          axes: [
            ax('Class', 'E6010=6010|E6011=6011|E6013=6013|E7014=7014|E7018=7018|E7024=7024'),
            ax('^Package', '1 lb Tube=1|5 lb Box=5|10 lb Box=10|50 lb Can=50'),
            ax('^Diameter', '3/32 in=332|1/8 in=18|5/32 in=532'),
          ],
          parts: ['{Class}', '{Package}', '{Diameter}'],
          unitOfMeasure: 'BX',
          priceCents: [1999, 19999],
          weightGrams: [2300, 23000],
          optionAxes: ['Diameter'],
          specs: [['Position', 'All Position']],
          blurb: 'Stick electrodes for structural, pipe and maintenance welding.',
        }),
      ]),
      leaf('Welding Helmets', 'welding-helmets', 'Auto-darkening welding helmets.', [
        fam({
          code: 'WHL',
          noun: 'Auto-Darkening Welding Helmet',
          axes: [
            ax('^Viewing Area', '3.78 x 1.85 in=378|3.94 x 2.36 in=394|3.93 x 3.66 in=393'),
            ax('Shade', 'Variable Shade 9–13=913|Variable Shade 5–13=513'),
            ax('Color', 'Matte Black=BLK|Hi-Vis Orange=ORG|Graphic=GRA'),
            ax('Headgear', 'Standard Headgear=SH|Premium Headgear=PH'),
          ],
          parts: ['{Viewing Area}', '{Shade}', '{Color}', '{Headgear}'],
          unitOfMeasure: 'EA',
          priceCents: [8999, 39999],
          weightGrams: [500, 800],
          specs: [
            ['Sensors', '4'],
            ['Standard', 'ANSI Z87.1'],
          ],
          blurb: 'True-color auto-darkening helmet with grind mode and adjustable delay.',
        }),
      ]),
      leaf('Welding Gloves', 'welding-gloves', 'MIG, TIG and stick welding gloves.', [
        fam({
          code: 'WGL',
          noun: 'Welding Gloves',
          axes: [
            ax('Process', 'MIG=MIG|TIG=TIG|Stick=STK'),
            ax('Leather', 'Cowhide=COW|Goatskin=GT|Pigskin=PIG|Elkskin=ELK|Deerskin=DS'),
            ax('Cuff', '4 in Cuff=4|6 in Cuff=6'),
            GLOVE_SIZE,
          ],
          parts: ['{Process}', '{Leather}', '{Cuff}', '{Size}'],
          pack: '1 Pair',
          unitOfMeasure: 'PR',
          priceCents: [1299, 3999],
          weightGrams: [200, 450],
          optionAxes: ['Size'],
          specs: [
            ['Lining', 'Fleece'],
            ['Thread', 'Kevlar'],
          ],
          blurb: 'Heat-resistant welding gloves with reinforced thumb and palm.',
        }),
      ]),
      leaf('Welders', 'welders', 'MIG, stick and multi-process welders.', [
        fam({
          code: 'WMC',
          noun: 'Welder',
          axes: [
            ax('^Process', 'MIG=MIG|Stick/TIG=STT|Multi-Process=MP'),
            ax('^Output', '140 A=140|180 A=180|210 A=210|250 A=250'),
            ax('Input', '120 V=120|230 V=230|120/230 V Dual=DUAL'),
          ],
          parts: ['{Process}', '{Output}', '{Input}'],
          unitOfMeasure: 'EA',
          priceCents: [59999, 159999],
          weightGrams: [12000, 36000],
          specs: [['Duty Cycle', '30% at rated output']],
          blurb: 'Inverter welder with synergic setup and a dual-voltage plug.',
        }),
      ]),
    ],
  },
  {
    name: 'Janitorial & Facility',
    slug: 'janitorial-facility',
    code: 'JAN',
    description: 'Absorbents, trash liners, wipers and cleaners for plants and warehouses.',
    children: [
      leaf('Absorbents', 'absorbents', 'Universal and oil-only absorbent pads and socks.', [
        fam({
          code: 'ABS',
          noun: 'Absorbent Pad',
          axes: [
            ax('Type', 'Universal=UNV|Oil-Only=OIL|Hazmat=HAZ'),
            ax('Weight', 'Light Weight=LW|Medium Weight=MW|Heavy Weight=HW'),
            ax('^Size', '15 x 17 in=1517|15 x 19 in=1519'),
            ax('Perforation', 'Perforated=P|Non-Perforated=NP'),
          ],
          parts: ['{Type}', '{Weight}', '{Size}', '{Perforation}'],
          pack: 'Bale of 100',
          unitOfMeasure: 'BL/100',
          priceCents: [3999, 11999],
          weightGrams: [5000, 12000],
          specs: [['Material', 'Meltblown Polypropylene']],
          blurb: 'Dimpled absorbent pads for leaks, drips and spill response.',
        }),
      ]),
      leaf('Trash Liners', 'trash-liners', 'High- and low-density can liners.', [
        fam({
          code: 'TLN',
          noun: 'Trash Can Liner',
          axes: [
            ax('Density', 'High Density=HD|Low Density=LD'),
            ax('^Capacity', '33 gal=33|45 gal=45|55-60 gal=60'),
            ax('^Thickness', '16 mic=16|1.5 mil=15|2 mil=20'),
            ax('Color', 'Black=BLK|Clear=CLR'),
          ],
          parts: ['{Density}', '{Capacity}', '{Thickness}', '{Color}'],
          pack: 'Case of 100',
          unitOfMeasure: 'CS/100',
          priceCents: [2499, 7999],
          weightGrams: [3000, 12000],
          blurb: 'Star-sealed can liners that resist leaks and punctures.',
        }),
      ]),
      leaf('Shop Towels & Wipers', 'shop-towels-wipers', 'Disposable wipers and shop towels.', [
        fam({
          code: 'WIP',
          noun: 'Industrial Wiper',
          axes: [
            ax('Type', 'Disposable Wiper=DW|Shop Towel=ST|Lint-Free Wiper=LF'),
            ax('Pack', 'Box of 200=BX|Roll of 500=RL|Pop-Up Box of 100=PU'),
            ax('Color', 'Blue=BLU|White=WHT|Red=RED'),
          ],
          parts: ['{Type}', '{Pack}', '{Color}'],
          unitOfMeasure: 'EA',
          priceCents: [1299, 5999],
          weightGrams: [500, 4000],
          specs: [['Absorbency', 'High']],
          blurb: 'Low-lint wipers for oil, grease and solvent clean-up.',
        }),
      ]),
    ],
  },
];

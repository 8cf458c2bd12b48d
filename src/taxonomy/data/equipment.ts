import { defineTerms } from './term.js';

// biome-ignore format: one term per line keeps the table reviewable
export const EQUIPMENT = defineTerms('equipment', [
  // Workshops
  ['workshop', 'Bengkel', 'Workshop', ['bengkel', 'bengkel kerja', 'bengkel teknik', 'bengkel industri'], ['workshop', 'job shop', 'engineering workshop']],
  ['machine-shop', 'Bengkel bubut', 'Machine shop', ['bengkel bubut', 'bengkel mesin', 'bengkel machining'], ['machine shop', 'machining workshop', 'turning shop'], 'workshop'],
  ['welding-workshop', 'Bengkel las', 'Welding workshop', ['bengkel las', 'bengkel las listrik', 'bengkel fabrikasi'], ['welding workshop', 'welding shop', 'fabrication shop'], 'workshop'],
  ['foundry-plant', 'Pabrik pengecoran', 'Foundry plant', ['pabrik cor', 'pabrik pengecoran', 'tempat pengecoran', 'bengkel cor'], ['foundry plant', 'foundry shop', 'metal foundry'], 'workshop'],
  ['smithy', 'Perapian pande besi', 'Blacksmith forge', ['perapian tempa', 'prapen', 'perapen', 'tungku tempa'], ['forge', 'blacksmith forge', 'forge hearth', 'smithy'], 'workshop'],

  // Machine tools
  ['lathe', 'Mesin bubut', 'Lathe', ['mesin bubut', 'mesin bubut konvensional', 'bubut manual'], ['lathe', 'lathe machine', 'engine lathe', 'manual lathe']],
  ['cnc-lathe', 'Mesin bubut CNC', 'CNC lathe', ['mesin bubut cnc', 'mesin cnc bubut', 'lathe cnc'], ['cnc lathe', 'cnc turning centre', 'cnc turning center'], 'lathe'],
  ['milling-machine', 'Mesin frais', 'Milling machine', ['mesin frais', 'mesin freis', 'mesin milling', 'mesin frais konvensional'], ['milling machine', 'knee mill', 'manual milling machine']],
  ['machining-centre', 'Mesin CNC machining centre', 'CNC machining centre', ['mesin cnc milling', 'mesin cnc frais', 'machining center', 'vmc'], ['cnc machining centre', 'cnc machining center', 'vertical machining center', 'cnc mill'], 'milling-machine'],
  ['drilling-machine', 'Mesin bor', 'Drilling machine', ['mesin bor', 'bor duduk', 'bor tiang', 'bor radial'], ['drilling machine', 'drill press', 'pillar drill', 'radial drill']],
  ['grinding-machine', 'Mesin gerinda', 'Grinding machine', ['mesin gerinda', 'mesin gurinda', 'gerinda duduk'], ['grinding machine', 'grinder', 'bench grinder']],
  ['surface-grinder', 'Mesin gerinda permukaan', 'Surface grinder', ['mesin gerinda permukaan', 'mesin surface grinding', 'gerinda surface'], ['surface grinder', 'surface grinding machine'], 'grinding-machine'],
  ['cylindrical-grinder', 'Mesin gerinda silindris', 'Cylindrical grinder', ['mesin gerinda silindris', 'mesin gerinda poros'], ['cylindrical grinder', 'cylindrical grinding machine'], 'grinding-machine'],
  ['shaping-machine', 'Mesin sekrap', 'Shaping machine', ['mesin sekrap', 'mesin skrap'], ['shaping machine', 'shaper', 'slotting machine']],
  ['edm-machine', 'Mesin EDM', 'EDM machine', ['mesin edm', 'mesin edm sinker', 'mesin erosi'], ['edm machine', 'sinker edm machine', 'die sinker']],
  ['wire-cut-machine', 'Mesin wire cut', 'Wire EDM machine', ['mesin wire cut', 'mesin wirecut', 'wire cut cnc'], ['wire edm machine', 'wire cut machine', 'wire erosion machine']],
  ['gear-hobbing-machine', 'Mesin hobbing', 'Gear hobbing machine', ['mesin hobbing', 'mesin potong gigi', 'mesin pembuat roda gigi'], ['gear hobbing machine', 'gear hobber', 'gear cutting machine']],
  ['bandsaw', 'Gergaji pita', 'Band saw', ['gergaji pita', 'mesin gergaji pita', 'mesin potong besi gergaji'], ['band saw', 'bandsaw', 'metal band saw']],
  ['balancing-machine', 'Mesin balancing', 'Balancing machine', ['mesin balancing', 'mesin balans'], ['balancing machine', 'dynamic balancing machine']],

  // Welding and cutting
  ['welding-machine', 'Mesin las', 'Welding machine', ['mesin las', 'trafo las', 'travo las', 'inverter las', 'mesin las listrik'], ['welding machine', 'welder', 'welding set', 'welding inverter']],
  ['mig-welder', 'Mesin las CO2 (MIG)', 'MIG welder', ['mesin las co2', 'mesin las mig', 'las co2 set'], ['mig welder', 'mig welding machine', 'co2 welder'], 'welding-machine'],
  ['tig-welder', 'Mesin las argon (TIG)', 'TIG welder', ['mesin las argon', 'mesin las tig', 'trafo las argon'], ['tig welder', 'tig welding machine', 'argon welder'], 'welding-machine'],
  ['spot-welder', 'Mesin las titik', 'Spot welder', ['mesin las titik', 'mesin spot welding', 'mesin las spot'], ['spot welder', 'spot welding machine'], 'welding-machine'],
  ['plasma-cutter', 'Mesin potong plasma', 'Plasma cutter', ['mesin potong plasma', 'mesin plasma', 'cnc plasma'], ['plasma cutter', 'cnc plasma cutter', 'plasma cutting machine']],
  ['laser-cutter', 'Mesin potong laser', 'Laser cutting machine', ['mesin laser', 'mesin potong laser', 'mesin laser cutting', 'fiber laser'], ['laser cutter', 'laser cutting machine', 'fiber laser cutter']],
  ['waterjet-machine', 'Mesin waterjet', 'Waterjet machine', ['mesin waterjet', 'mesin water jet'], ['waterjet machine', 'waterjet cutter', 'water jet cutting machine']],
  ['cutting-torch', 'Brander potong', 'Cutting torch', ['brander potong', 'blender potong', 'tabung oksigen asetilin'], ['cutting torch', 'oxy-fuel torch', 'gas cutting set']],

  // Sheet metal and press
  ['press-brake', 'Mesin tekuk (press brake)', 'Press brake', ['mesin tekuk', 'mesin tekuk plat', 'mesin bending plat', 'press brake'], ['press brake', 'bending machine', 'brake press', 'cnc press brake']],
  ['shearing-machine', 'Mesin potong plat (shearing)', 'Shearing machine', ['mesin potong plat', 'mesin gunting plat', 'mesin shearing'], ['shearing machine', 'guillotine shear', 'plate shear']],
  ['plate-rolling-machine', 'Mesin rol plat', 'Plate rolling machine', ['mesin rol plat', 'mesin roll plat', 'mesin rolling plat'], ['plate rolling machine', 'plate roll', 'bending roll']],
  ['pipe-bender', 'Mesin tekuk pipa', 'Pipe bender', ['mesin tekuk pipa', 'mesin bending pipa', 'alat tekuk pipa'], ['pipe bender', 'pipe bending machine', 'tube bender']],
  ['power-press', 'Mesin press', 'Power press', ['mesin press', 'mesin pres', 'mesin press mekanik', 'mesin stamping'], ['power press', 'press machine', 'stamping press', 'mechanical press']],
  ['hydraulic-press', 'Mesin press hidrolik', 'Hydraulic press', ['press hidrolik', 'mesin press hidrolik', 'pres hidrolis'], ['hydraulic press', 'hydraulic press machine'], 'power-press'],
  ['punching-machine', 'Mesin pons', 'Punching machine', ['mesin pons', 'mesin punch', 'mesin pon'], ['punching machine', 'punch press', 'turret punch']],
  ['power-hammer', 'Palu mekanik (mesin tempa)', 'Power hammer', ['palu mekanik', 'mesin tempa', 'palu tempa mesin'], ['power hammer', 'forging hammer', 'mechanical hammer']],

  // Thermal and surface
  ['furnace', 'Tungku', 'Furnace', ['tungku', 'tanur', 'tungku industri'], ['furnace', 'industrial furnace']],
  ['melting-furnace', 'Dapur lebur', 'Melting furnace', ['dapur lebur', 'tungku peleburan', 'tungku lebur'], ['melting furnace', 'foundry furnace'], 'furnace'],
  ['cupola', 'Kupola', 'Cupola furnace', ['kupola', 'tanur kupola', 'dapur kupola'], ['cupola', 'cupola furnace'], 'melting-furnace'],
  ['induction-furnace', 'Tungku induksi', 'Induction furnace', ['tungku induksi', 'dapur induksi', 'tanur induksi'], ['induction furnace', 'induction melting furnace'], 'melting-furnace'],
  ['heat-treatment-furnace', 'Tungku perlakuan panas', 'Heat treatment furnace', ['tungku perlakuan panas', 'tungku hardening', 'oven tempering'], ['heat treatment furnace', 'hardening furnace', 'tempering furnace'], 'furnace'],
  ['induction-hardening-machine', 'Mesin pengeras induksi', 'Induction hardening machine', ['mesin pengeras induksi', 'mesin hardening induksi'], ['induction hardening machine', 'induction heater']],
  ['sandblast-equipment', 'Mesin sandblast', 'Sandblasting equipment', ['mesin sandblast', 'pot sandblast', 'ruang blasting'], ['sandblasting machine', 'blast pot', 'blast room']],
  ['powder-coating-line', 'Oven dan booth powder coating', 'Powder coating line', ['oven powder coating', 'booth powder coating', 'line powder coating'], ['powder coating line', 'powder coating oven', 'powder booth']],
  ['galvanizing-kettle', 'Bak galvanis', 'Galvanizing kettle', ['bak galvanis', 'kettle galvanis', 'bak celup seng'], ['galvanizing kettle', 'galvanizing bath', 'zinc kettle']],
  ['plating-line', 'Bak dan rectifier plating', 'Plating line', ['bak plating', 'rectifier plating', 'line plating'], ['plating line', 'plating tank', 'plating rectifier']],
  ['injection-moulding-machine', 'Mesin injeksi plastik', 'Injection moulding machine', ['mesin injeksi', 'mesin injection', 'mesin injek plastik'], ['injection moulding machine', 'injection molding machine']],

  // Handling, utilities and measuring
  ['compressor', 'Kompresor', 'Compressor', ['kompresor', 'kompresor angin', 'kompresor udara'], ['compressor', 'air compressor']],
  ['overhead-crane', 'Crane (overhead crane)', 'Overhead crane', ['crane', 'overhead crane', 'kren', 'derek'], ['overhead crane', 'bridge crane', 'eot crane']],
  ['hoist', 'Katrol (chain block)', 'Hoist', ['katrol', 'takel', 'chain block', 'hoist'], ['chain hoist', 'hoist', 'lifting block']],
  ['forklift', 'Forklift', 'Forklift', ['forklift', 'forklif'], ['forklift truck', 'lift truck']],
  ['generator-set', 'Genset', 'Generator set', ['genset', 'generator listrik', 'mesin genset'], ['generator set', 'diesel generator', 'gen set']],
  ['measuring-instruments', 'Alat ukur', 'Measuring instruments', ['alat ukur', 'alat ukur presisi', 'instrumen ukur'], ['measuring instruments', 'measuring tools', 'metrology equipment']],
  ['cmm', 'Mesin ukur koordinat (CMM)', 'Coordinate measuring machine', ['cmm', 'mesin ukur koordinat', 'mesin ukur 3d'], ['coordinate measuring machine', 'cmm machine'], 'measuring-instruments'],
  ['vernier-caliper', 'Jangka sorong', 'Vernier caliper', ['jangka sorong', 'sigmat', 'sketmat', 'kaliper'], ['vernier caliper', 'caliper', 'calliper'], 'measuring-instruments'],
  ['hardness-tester', 'Alat uji kekerasan', 'Hardness tester', ['alat uji kekerasan', 'alat uji keras', 'mesin uji kekerasan'], ['hardness tester', 'rockwell tester', 'hardness testing machine'], 'measuring-instruments'],
  ['spectrometer', 'Spektrometer', 'Spectrometer', ['spektrometer', 'alat uji komposisi', 'spectro'], ['spectrometer', 'optical emission spectrometer', 'oes'], 'measuring-instruments'],
  ['3d-printer', 'Printer 3D', '3D printer', ['printer 3d', 'mesin cetak 3d'], ['3d printer', 'additive manufacturing machine']],
]);

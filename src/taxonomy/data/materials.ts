import { defineTerms } from './term.js';

// Trade grades that shops actually write (SS400, S45C, SUS 304, FCD 450, ADC12, VCN) are synonyms of
// the grade's own term, never of the family, so a search for "stainless" does not drown in 201 offers.
// biome-ignore format: one term per line keeps the table reviewable
export const MATERIALS = defineTerms('material', [
  // Steels
  ['carbon-steel', 'Baja karbon', 'Carbon steel', ['baja karbon', 'besi karbon', 'baja karbon biasa'], ['carbon steel', 'plain carbon steel']],
  ['mild-steel', 'Baja lunak (ST37/SS400)', 'Mild steel', ['baja lunak', 'besi lunak', 'st37', 'st 37', 'ss400', 'ss 400'], ['mild steel', 'low carbon steel', 'a36 steel', 'astm a36'], 'carbon-steel'],
  ['medium-carbon-steel', 'Baja karbon sedang (S45C)', 'Medium carbon steel (S45C)', ['baja karbon sedang', 's45c', 'baja s45c', 's 45 c'], ['medium carbon steel', 'aisi 1045', 'c45 steel', '1045 steel'], 'carbon-steel'],
  ['alloy-steel', 'Baja paduan', 'Alloy steel', ['baja paduan', 'baja alloy', 'vcn', 'vcn 150', 'vcl 140', 'scm 440', 'scm440'], ['alloy steel', 'low alloy steel', '4140 steel', '42crmo4', '4340 steel']],
  ['tool-steel', 'Baja perkakas', 'Tool steel', ['baja perkakas', 'baja tool', 'skd11', 'skd 11', 'skd61', 'dc53', 'amutit'], ['tool steel', 'd2 steel', 'h13 steel', 'die steel']],
  ['spring-steel', 'Baja pegas', 'Spring steel', ['baja pegas', 'baja per', 'per mobil bekas', 'sup9'], ['spring steel', 'leaf spring steel']],
  ['stainless-steel', 'Baja tahan karat', 'Stainless steel', ['baja tahan karat', 'stainless', 'stenlis', 'stainles', 'stenles', 'sus', 'baja nirkarat'], ['stainless steel', 'inox', 'corrosion resistant steel']],
  ['stainless-304', 'Stainless SUS 304', 'Stainless steel 304', ['sus 304', 'sus304', 'stainless 304', 'stenlis 304', 'ss304'], ['304 stainless', 'aisi 304', 'ss 304', '18/8 stainless'], 'stainless-steel'],
  ['stainless-316', 'Stainless SUS 316', 'Stainless steel 316', ['sus 316', 'sus316', 'stainless 316', 'stenlis 316', 'ss316', 'sus 316l'], ['316 stainless', 'aisi 316', 'ss 316', 'marine grade stainless', '316l stainless'], 'stainless-steel'],
  ['stainless-201', 'Stainless SUS 201', 'Stainless steel 201', ['sus 201', 'stainless 201', 'stenlis 201', 'ss201'], ['201 stainless', 'aisi 201', 'ss 201'], 'stainless-steel'],
  ['manganese-steel', 'Baja mangan', 'Manganese steel', ['baja mangan', 'mangan steel', 'baja hadfield'], ['manganese steel', 'hadfield steel', 'austenitic manganese steel']],
  ['wear-plate', 'Pelat tahan aus', 'Wear-resistant plate', ['plat tahan aus', 'pelat tahan aus', 'hardox', 'plat hardox', 'plat anti aus'], ['wear resistant plate', 'abrasion resistant plate', 'ar plate', 'ar400 plate']],
  ['cast-steel', 'Baja cor', 'Cast steel', ['baja cor', 'baja tuang', 'sc 450', 'sc450'], ['cast steel', 'steel for casting']],

  // Cast irons
  ['cast-iron', 'Besi cor', 'Cast iron', ['besi cor', 'besi tuang', 'besi fc'], ['cast iron', 'iron casting alloy']],
  ['grey-cast-iron', 'Besi cor kelabu (FC)', 'Grey cast iron', ['besi cor kelabu', 'besi cor abu-abu', 'fc 200', 'fc200', 'fc 250', 'fc250'], ['grey cast iron', 'gray cast iron', 'gray iron', 'grey iron'], 'cast-iron'],
  ['ductile-iron', 'Besi cor nodular (FCD)', 'Ductile iron', ['besi cor nodular', 'besi nodular', 'fcd', 'fcd 450', 'fcd450', 'besi cor grafit bulat'], ['ductile iron', 'nodular cast iron', 'spheroidal graphite iron', 'sg iron'], 'cast-iron'],
  ['pig-iron', 'Besi kasar', 'Pig iron', ['besi kasar', 'besi mentah'], ['pig iron']],
  ['scrap-metal', 'Besi tua (scrap)', 'Scrap metal', ['besi tua', 'besi bekas', 'rongsok besi', 'skrap besi'], ['scrap metal', 'steel scrap', 'metal scrap']],

  // Non-ferrous
  ['copper', 'Tembaga', 'Copper', ['tembaga', 'tembaga murni', 'busbar tembaga'], ['copper', 'pure copper', 'copper busbar']],
  ['brass', 'Kuningan', 'Brass', ['kuningan', 'kuningan batang'], ['brass', 'brass bar']],
  ['bronze', 'Perunggu', 'Bronze', ['perunggu', 'bronz', 'brons'], ['bronze', 'phosphor bronze', 'gunmetal bronze']],
  ['aluminium', 'Aluminium', 'Aluminium', ['aluminium', 'alumunium', 'almunium', 'aluminum', 'alumin'], ['aluminium', 'aluminum alloy', 'aluminium alloy']],
  ['cast-aluminium', 'Aluminium cor (ADC12)', 'Cast aluminium', ['aluminium cor', 'alumunium cor', 'adc12', 'adc 12', 'ac4c'], ['cast aluminium', 'cast aluminum', 'aluminium casting alloy'], 'aluminium'],
  ['zinc', 'Seng', 'Zinc', ['seng', 'seng batangan', 'ingot seng'], ['zinc', 'zinc ingot']],

  // Steel stock
  ['steel-plate', 'Pelat besi (plat eser)', 'Steel plate', ['plat besi', 'pelat besi', 'plat eser', 'eser', 'plat hitam', 'plat baja'], ['steel plate', 'mild steel plate', 'hot rolled plate', 'ms plate', 'black steel plate']],
  ['checkered-plate', 'Pelat bordes', 'Checkered plate', ['plat bordes', 'bordes', 'plat kembang'], ['checkered plate', 'chequer plate', 'diamond plate', 'tread plate']],
  ['galvanized-sheet', 'Pelat galvanis (BJLS)', 'Galvanized steel sheet', ['plat galvanis', 'bjls', 'plat bjls', 'plat seng'], ['galvanized sheet', 'gi sheet', 'galvanised steel sheet']],
  ['cold-rolled-sheet', 'Pelat strip (SPCC)', 'Cold-rolled steel sheet', ['plat strip', 'spcc', 'plat spcc', 'plat cold rolled', 'plat dingin'], ['cold rolled sheet', 'crc sheet', 'spcc sheet', 'cold rolled steel']],
  ['angle-iron', 'Besi siku', 'Angle iron', ['besi siku', 'siku', 'siku besi', 'besi l'], ['angle iron', 'steel angle', 'angle bar']],
  ['u-channel', 'Besi UNP (kanal U)', 'U channel (UNP)', ['besi unp', 'unp', 'kanal u', 'besi kanal u'], ['u channel', 'unp channel', 'steel channel']],
  ['c-channel', 'Besi CNP (kanal C)', 'C channel (CNP)', ['besi cnp', 'cnp', 'kanal c', 'besi kanal c'], ['c channel', 'lipped channel', 'c purlin']],
  ['wide-flange', 'Besi WF (H-beam)', 'Wide flange beam', ['besi wf', 'wf', 'iwf', 'h beam', 'besi h'], ['wide flange beam', 'h-beam', 'wf beam', 'universal beam']],
  ['hollow-section', 'Besi hollow', 'Hollow section', ['besi hollow', 'hollow', 'holo', 'pipa kotak', 'besi kotak'], ['hollow section', 'square hollow section', 'rectangular hollow section', 'box section', 'shs', 'rhs']],
  ['steel-pipe', 'Pipa besi', 'Steel pipe', ['pipa besi', 'pipa baja', 'pipa hitam', 'pipa sch'], ['steel pipe', 'black steel pipe', 'carbon steel pipe']],
  ['stainless-pipe', 'Pipa stainless', 'Stainless steel pipe', ['pipa stainless', 'pipa stenlis', 'pipa sus'], ['stainless steel pipe', 'stainless pipe', 'stainless tube']],
  ['round-bar', 'Besi as (round bar)', 'Round bar', ['besi as', 'as bulat', 'besi bulat pejal', 'as besi', 'as pejal'], ['round bar', 'steel round bar', 'solid bar', 'bar stock']],
  ['rebar', 'Besi beton', 'Reinforcing bar', ['besi beton', 'besi ulir', 'besi polos', 'besi tulangan'], ['rebar', 'reinforcing bar', 'reinforcing steel']],
  ['steel-wire', 'Kawat baja', 'Steel wire', ['kawat baja', 'kawat besi'], ['steel wire', 'wire rod']],
  ['welding-consumables', 'Kawat las dan elektroda', 'Welding consumables', ['kawat las', 'elektroda', 'elektroda las', 'kawat las co2'], ['welding electrode', 'welding wire', 'filler metal', 'welding consumables']],

  // Non-metals
  ['plastic', 'Plastik', 'Plastic', ['plastik', 'bahan plastik', 'biji plastik'], ['plastic', 'plastics', 'plastic resin']],
  ['polypropylene', 'Plastik PP', 'Polypropylene (PP)', ['pp', 'polipropilena', 'polipropilen', 'plastik pp'], ['polypropylene', 'pp resin'], 'plastic'],
  ['polyethylene', 'Plastik PE', 'Polyethylene (PE)', ['polietilena', 'polietilen', 'plastik pe'], ['polyethylene', 'polythene', 'pe resin'], 'plastic'],
  ['hdpe', 'Plastik HDPE', 'HDPE', ['hdpe', 'plastik hdpe'], ['high density polyethylene', 'hdpe resin'], 'polyethylene'],
  ['nylon', 'Nilon (MC nylon)', 'Nylon (polyamide)', ['nilon', 'nylon', 'mc nylon', 'nilon cor'], ['polyamide', 'cast nylon', 'pa6'], 'plastic'],
  ['ptfe', 'Teflon (PTFE)', 'PTFE', ['teflon', 'ptfe'], ['polytetrafluoroethylene', 'ptfe resin'], 'plastic'],
  ['pvc', 'PVC', 'PVC', ['pvc', 'paralon', 'plastik pvc'], ['polyvinyl chloride', 'pvc resin'], 'plastic'],
  ['polyurethane', 'Poliuretan (PU)', 'Polyurethane (PU)', ['poliuretan', 'pu', 'karet pu', 'urethane'], ['polyurethane', 'pu elastomer', 'urethane elastomer']],
  ['rubber', 'Karet', 'Rubber', ['karet', 'karet teknik', 'karet alam'], ['rubber', 'natural rubber', 'technical rubber']],
  ['wood', 'Kayu', 'Wood', ['kayu', 'kayu keras', 'papan kayu'], ['wood', 'timber', 'hardwood']],
  ['fibreglass', 'Fiberglass (FRP)', 'Fibreglass (FRP)', ['fiberglass', 'fiber glass', 'frp', 'serat kaca'], ['fibreglass', 'glass reinforced plastic', 'grp']],
]);

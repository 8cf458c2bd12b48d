import { defineTerms } from './term.js';

// biome-ignore format: one term per line keeps the table reviewable
export const PRODUCTS = defineTerms('product', [
  // Parts in general
  ['spare-parts', 'Suku cadang', 'Spare parts', ['suku cadang', 'spare part', 'sparepart', 'onderdil', 'part pengganti'], ['spare parts', 'spares', 'replacement parts']],
  ['machined-parts', 'Komponen bubutan/machining', 'Machined parts', ['komponen bubutan', 'part bubut', 'part machining', 'komponen presisi'], ['machined parts', 'machined components', 'precision machined parts', 'cnc parts']],
  ['castings', 'Benda cor', 'Castings', ['benda cor', 'barang cor', 'hasil cor', 'produk cor'], ['castings', 'cast parts', 'cast components']],
  ['forgings', 'Benda tempa', 'Forgings', ['benda tempa', 'hasil tempa', 'produk tempa'], ['forgings', 'forged parts', 'forged components']],
  ['sheet-metal-parts', 'Komponen pelat (stamping)', 'Sheet metal parts', ['part plat', 'komponen plat', 'part stamping', 'komponen press'], ['sheet metal parts', 'stamped parts', 'pressed parts', 'stampings']],
  ['automotive-parts', 'Komponen otomotif', 'Automotive parts', ['komponen otomotif', 'part otomotif', 'onderdil mobil', 'suku cadang kendaraan'], ['automotive parts', 'auto parts', 'car parts', 'vehicle parts']],
  ['tobacco-machine-parts', 'Suku cadang mesin rokok', 'Cigarette machine parts', ['part mesin rokok', 'suku cadang mesin rokok', 'sparepart mesin linting'], ['cigarette machine parts', 'tobacco machinery parts', 'cigarette maker spares']],

  // Moulds, dies and tooling
  ['mould-and-die', 'Cetakan (mould & dies)', 'Moulds and dies', ['cetakan', 'mold', 'mould', 'cetakan logam'], ['mould', 'die', 'moulds and dies', 'tooling']],
  ['injection-mould', 'Cetakan injeksi plastik', 'Injection mould', ['cetakan injeksi', 'mold injeksi', 'cetakan plastik'], ['injection mould', 'injection mold', 'plastic injection mould'], 'mould-and-die'],
  ['press-die', 'Dies press', 'Press die', ['dies', 'dies press', 'cetakan press', 'dies stamping'], ['press die', 'stamping die', 'press tool', 'blanking die'], 'mould-and-die'],
  ['die-casting-die', 'Cetakan die casting', 'Die-casting die', ['cetakan die casting', 'mold die casting'], ['die casting die', 'die casting mould'], 'mould-and-die'],
  ['jig-and-fixture', 'Jig dan fixture', 'Jigs and fixtures', ['jig', 'fixture', 'jig fixture', 'jig dan fixture', 'alat bantu produksi'], ['jig and fixture', 'jigs', 'fixtures', 'jigs and fixtures']],
  ['industrial-blade', 'Pisau industri', 'Industrial blades', ['pisau mesin', 'pisau industri', 'pisau potong mesin'], ['industrial blade', 'machine knife', 'cutting blade']],

  // Fasteners and drive elements
  ['fasteners', 'Pengencang (fastener)', 'Fasteners', ['pengencang', 'fastener', 'alat pengikat logam'], ['fasteners', 'fastener', 'threaded fasteners']],
  ['nuts-and-bolts', 'Mur baut', 'Nuts and bolts', ['mur baut', 'baut mur', 'mur dan baut', 'baut dan mur'], ['nuts and bolts', 'bolts and nuts', 'bolt and nut'], 'fasteners'],
  ['anchor-bolt', 'Baut angkur', 'Anchor bolts', ['baut angkur', 'angkur', 'baut fondasi'], ['anchor bolt', 'foundation bolt', 'j-bolt'], 'fasteners'],
  ['stud-bolt', 'Baut tanam (stud bolt)', 'Stud bolts', ['baut tanam', 'baut stud', 'baut drat penuh'], ['stud bolt', 'threaded stud', 'threaded rod stud'], 'fasteners'],
  ['shaft', 'Poros', 'Shaft', ['poros', 'as poros', 'poros mesin', 'as mesin'], ['shaft', 'shafts', 'machine shaft', 'drive shaft']],
  ['gear', 'Roda gigi', 'Gear', ['roda gigi', 'gir', 'gigi roda', 'gear'], ['gears', 'gear wheel', 'cog wheel', 'spur gear']],
  ['sprocket', 'Sproket', 'Sprocket', ['sproket', 'gir rantai', 'gear rantai'], ['sprocket', 'chain sprocket', 'chain wheel']],
  ['pulley', 'Puli', 'Pulley', ['puli', 'pulley', 'puly', 'pully'], ['pulleys', 'v-belt pulley', 'sheave']],
  ['bushing', 'Bushing', 'Bushing', ['bushing', 'busing', 'bosh', 'bos as', 'selongsong'], ['bush', 'sleeve bearing', 'plain bushing']],
  ['bearing-housing', 'Rumah bearing', 'Bearing housing', ['rumah bearing', 'rumah laher', 'dudukan bearing', 'housing bearing'], ['bearing housing', 'plummer block', 'pillow block']],
  ['coupling', 'Kopling poros', 'Shaft coupling', ['kopling poros', 'kopel', 'kopling flens'], ['shaft coupling', 'coupling', 'flexible coupling']],
  ['spring', 'Pegas', 'Springs', ['pegas', 'per pegas', 'per spiral', 'per ulir'], ['spring', 'springs', 'coil spring']],

  // Pumps, valves, flow
  ['pump', 'Pompa', 'Pump', ['pompa', 'pompa industri', 'unit pompa'], ['pump', 'pumps', 'industrial pump']],
  ['impeller', 'Impeler', 'Impeller', ['impeler', 'impeller', 'kipas pompa', 'baling pompa'], ['pump impeller', 'impellers']],
  ['valve', 'Katup', 'Valve', ['katup', 'klep', 'valve industri', 'katup industri'], ['valve', 'valves', 'industrial valve']],
  ['flange', 'Flens', 'Flange', ['flens', 'flange', 'plens'], ['pipe flange', 'flanges', 'weld neck flange']],
  ['hydraulic-cylinder', 'Silinder hidrolik', 'Hydraulic cylinder', ['silinder hidrolik', 'cylinder hidrolik', 'tabung hidrolik', 'silinder hidrolis'], ['hydraulic cylinder', 'hydraulic ram', 'hydraulic actuator']],
  ['heat-exchanger', 'Penukar panas', 'Heat exchanger', ['penukar panas', 'heat exchanger', 'alat penukar kalor'], ['heat exchangers', 'shell and tube exchanger', 'hx']],
  ['ducting', 'Ducting', 'Ducting', ['ducting', 'saluran udara', 'dakting'], ['ductwork', 'air duct', 'duct']],

  // Structures and vessels
  ['frame', 'Rangka', 'Frame', ['rangka', 'rangka besi', 'rangka mesin', 'rangka baja'], ['frame', 'steel frame', 'machine frame', 'chassis frame']],
  ['steel-structure', 'Konstruksi baja bangunan', 'Steel structure', ['struktur baja', 'bangunan baja', 'gudang baja', 'konstruksi gudang'], ['steel structure', 'steel building', 'structural steelwork']],
  ['tank', 'Tangki', 'Tank', ['tangki', 'tanki', 'tandon', 'tangki timbun'], ['tank', 'storage tank', 'tanks']],
  ['pressure-vessel', 'Bejana tekan', 'Pressure vessel', ['bejana tekan', 'pressure vessel', 'tabung bertekanan'], ['pressure vessels', 'pressure tank', 'air receiver']],
  ['boiler', 'Ketel uap (boiler)', 'Boiler', ['ketel uap', 'boiler', 'ketel'], ['steam boiler', 'boilers']],
  ['hopper', 'Hopper', 'Hopper', ['hopper', 'corong curah', 'bunker curah'], ['hoppers', 'bin', 'storage bunker']],
  ['chute', 'Chute', 'Chute', ['chute', 'talang material', 'saluran curah'], ['transfer chute', 'chutes', 'discharge chute']],
  ['grating', 'Grating', 'Steel grating', ['grating', 'plat grating', 'kisi baja'], ['steel grating', 'floor grating', 'bar grating']],
  ['handrail', 'Railing', 'Handrail', ['railing', 'pegangan tangga', 'hand rail', 'reling'], ['handrail', 'railings', 'balustrade']],
  ['steel-gate', 'Pagar dan pintu besi', 'Steel gates and fences', ['pagar besi', 'pintu pagar besi', 'pintu besi', 'pintu harmonika'], ['steel gate', 'metal gate', 'steel fence']],
  ['truck-body', 'Karoseri dan bak truk', 'Truck bodies', ['karoseri', 'bak truk', 'bak dump truk', 'box truk'], ['truck body', 'vehicle body', 'coachwork', 'dump body']],
  ['exhaust', 'Knalpot', 'Exhaust', ['knalpot', 'knalpot mobil', 'saringan knalpot'], ['exhaust', 'muffler', 'silencer', 'exhaust system']],
  ['bracket', 'Braket', 'Bracket', ['braket', 'bracket', 'dudukan braket'], ['brackets', 'mounting bracket']],

  // Material handling and mining
  ['conveyor', 'Konveyor', 'Conveyor', ['konveyor', 'conveyor', 'ban berjalan', 'konveyor sabuk'], ['conveyors', 'conveyor system', 'belt conveyor']],
  ['screw-conveyor', 'Konveyor ulir', 'Screw conveyor', ['konveyor ulir', 'screw conveyor', 'ulir pembawa'], ['screw conveyors', 'auger conveyor'], 'conveyor'],
  ['conveyor-roller', 'Roller konveyor', 'Conveyor roller', ['roller konveyor', 'rol konveyor', 'idler', 'roller idler'], ['conveyor roller', 'conveyor idler', 'idler roller']],
  ['trolley', 'Troli', 'Trolley', ['troli', 'trolley', 'kereta dorong', 'lori'], ['trolleys', 'hand trolley', 'cart']],
  ['steel-rack', 'Rak besi', 'Steel shelving', ['rak besi', 'rak gudang', 'rak siku', 'rak baja'], ['steel shelving', 'storage rack', 'warehouse racking']],
  ['bucket-teeth', 'Kuku bucket', 'Bucket teeth', ['kuku bucket', 'gigi bucket', 'kuku excavator', 'kuku beko'], ['bucket teeth', 'bucket tooth', 'digger teeth']],
  ['wear-liner', 'Liner tahan aus', 'Wear liner', ['liner', 'liner tahan aus', 'lapisan aus'], ['wear liner', 'liner plate', 'wear liners']],
  ['crusher-parts', 'Suku cadang crusher', 'Crusher parts', ['part crusher', 'suku cadang crusher', 'sparepart stone crusher'], ['crusher parts', 'crusher spares', 'crusher wear parts']],
  ['pin-bushing', 'Pin dan bushing alat berat', 'Heavy equipment pins and bushings', ['pin bushing', 'pin alat berat', 'pen bucket'], ['pins and bushings', 'bucket pins', 'heavy equipment pins']],

  // Food, agro and other equipment
  ['food-processing-machine', 'Mesin pengolahan makanan', 'Food processing machine', ['mesin pengolahan makanan', 'mesin pangan', 'mesin produksi makanan', 'mesin olahan pangan'], ['food processing machine', 'food machinery', 'food processing equipment']],
  ['mixer', 'Mesin pengaduk (mixer)', 'Mixer', ['mesin pengaduk', 'tangki pengaduk', 'mixer', 'agitator'], ['mixers', 'industrial mixer', 'mixing tank']],
  ['industrial-oven', 'Oven industri', 'Industrial oven', ['oven', 'oven industri', 'oven roti'], ['industrial oven', 'baking oven', 'oven']],
  ['dryer', 'Mesin pengering', 'Dryer', ['mesin pengering', 'pengering', 'alat pengering'], ['dryer', 'drier', 'drying machine']],
  ['stainless-kitchen-equipment', 'Peralatan dapur stainless', 'Stainless kitchen equipment', ['peralatan dapur stainless', 'kitchen set stainless', 'meja stainless', 'sink stainless'], ['stainless kitchen equipment', 'commercial kitchen equipment', 'stainless steel worktable']],
  ['agricultural-machine', 'Mesin pertanian', 'Agricultural machinery', ['mesin pertanian', 'alsintan', 'alat mesin pertanian'], ['agricultural machinery', 'farm machinery', 'agricultural machine']],
  ['thresher', 'Mesin perontok', 'Thresher', ['perontok padi', 'mesin perontok', 'power thresher'], ['thresher', 'threshing machine', 'rice thresher'], 'agricultural-machine'],
  ['chopper', 'Mesin pencacah', 'Chopper (shredder)', ['mesin pencacah', 'pencacah rumput', 'mesin chopper'], ['chopper', 'forage chopper', 'shredder'], 'agricultural-machine'],
  ['agricultural-hand-tools', 'Alat pertanian', 'Agricultural hand tools', ['alat pertanian', 'perkakas pertanian', 'alat tani'], ['agricultural hand tools', 'farm tools', 'farming tools']],
  ['hoe', 'Cangkul', 'Hoe', ['cangkul', 'pacul', 'pacol'], ['hoe', 'farm hoe', 'field hoe'], 'agricultural-hand-tools'],
  ['machete', 'Parang', 'Machete', ['parang', 'golok', 'bendo'], ['machete', 'bush knife', 'bolo knife'], 'agricultural-hand-tools'],
  ['sickle', 'Sabit', 'Sickle', ['sabit', 'arit', 'sabit rumput'], ['sickle', 'reaping hook'], 'agricultural-hand-tools'],
  ['electrical-panel', 'Box panel listrik', 'Electrical panel enclosure', ['panel listrik', 'box panel', 'boks panel', 'panel box', 'lemari panel'], ['electrical panel', 'panel enclosure', 'electrical enclosure', 'switchboard enclosure']],
  ['cable-tray', 'Cable tray', 'Cable tray', ['kabel tray', 'cable tray', 'rak kabel', 'tray kabel'], ['cable trays', 'cable ladder tray', 'perforated cable tray']],
  ['metal-furniture', 'Furnitur logam', 'Metal furniture', ['furnitur logam', 'furnitur besi', 'mebel besi', 'mebel logam'], ['metal furniture', 'steel furniture']],
  ['propeller', 'Baling-baling kapal', 'Ship propeller', ['baling-baling', 'baling baling kapal', 'propeler', 'kipas kapal'], ['propeller', 'ship propeller', 'boat propeller']],
  ['marine-fittings', 'Perlengkapan kapal', 'Marine fittings', ['perlengkapan kapal', 'fitting kapal', 'bolder kapal'], ['marine fittings', 'ship fittings', 'deck fittings']],
]);

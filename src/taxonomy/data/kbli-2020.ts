import type { TermSeed } from '../types.js';

type KbliRow = readonly [
  code: string,
  labelId: string,
  labelEn: string,
  synonymsId: readonly string[],
  synonymsEn: readonly string[],
];

/*
 * KBLI 2020, every five-digit class (kelompok) of divisions 24, 25, 28, 29 and 33.
 *
 * Source: Peraturan Badan Pusat Statistik Nomor 2 Tahun 2020 tentang Klasifikasi Baku Lapangan Usaha
 * Indonesia (KBLI 2020), as reproduced code by code in BPS's KBLI 2020 → KBLI 2025 correspondence table
 * (KBLI 2025 publication, Lampiran 5, pp. 146–154), column "Uraian KBLI 2020". Indonesian titles are
 * the official ones with Indonesian title case (dan, dari, untuk, yang, atau, serta, dalam in lower case);
 * English titles are ours, following the ISIC Rev. 4 wording where the class maps to one ISIC class.
 * The code itself is always a synonym, so a pasted NIB/KBLI line finds the class.
 */
// biome-ignore format: one class per line keeps the table reviewable
const KBLI_2020_ROWS: readonly KbliRow[] = [
  // 24 Industri logam dasar
  ['24101', 'Industri Besi dan Baja Dasar (Iron and Steel Making)', 'Manufacture of basic iron and steel', ['besi dan baja dasar', 'pembuatan besi baja'], ['iron and steel making', 'basic iron and steel']],
  ['24102', 'Industri Penggilingan Baja (Steel Rolling)', 'Steel rolling', ['penggilingan baja', 'rolling mill baja'], ['steel rolling', 'steel rolling mill']],
  ['24103', 'Industri Pipa dan Sambungan Pipa dari Baja dan Besi', 'Manufacture of steel and iron pipes and pipe fittings', ['pipa dan sambungan pipa baja', 'industri pipa baja'], ['steel pipes and fittings', 'iron pipe manufacturing']],
  ['24201', 'Industri Pembuatan Logam Dasar Mulia', 'Manufacture of basic precious metals', ['logam dasar mulia', 'pemurnian logam mulia'], ['basic precious metals', 'precious metal refining']],
  ['24202', 'Industri Pembuatan Logam Dasar Bukan Besi', 'Manufacture of basic non-ferrous metals', ['logam dasar bukan besi', 'pembuatan logam non besi'], ['basic non-ferrous metals', 'non-ferrous metal production']],
  ['24203', 'Industri Penggilingan Logam Bukan Besi', 'Rolling of non-ferrous metals', ['penggilingan logam bukan besi', 'rolling logam non besi'], ['non-ferrous rolling', 'rolling of non-ferrous metals']],
  ['24204', 'Industri Ekstrusi Logam Bukan Besi', 'Extrusion of non-ferrous metals', ['ekstrusi logam bukan besi', 'ekstrusi aluminium'], ['non-ferrous extrusion', 'aluminium extrusion']],
  ['24205', 'Industri Pipa dan Sambungan Pipa dari Logam Bukan Besi dan Baja', 'Manufacture of non-ferrous metal pipes and pipe fittings', ['pipa logam bukan besi', 'pipa tembaga dan aluminium'], ['non-ferrous pipes and fittings', 'copper and aluminium tubes']],
  ['24206', 'Industri Pengolahan Uranium dan Bijih Uranium', 'Processing of uranium and uranium ore', ['pengolahan uranium', 'bijih uranium'], ['uranium processing', 'uranium ore processing']],
  ['24310', 'Industri Pengecoran Besi dan Baja', 'Casting of iron and steel', ['pengecoran besi dan baja', 'pengecoran besi baja'], ['casting of iron and steel', 'iron and steel foundries']],
  ['24320', 'Industri Pengecoran Logam Bukan Besi dan Baja', 'Casting of non-ferrous metals', ['pengecoran logam bukan besi', 'pengecoran logam non ferro'], ['casting of non-ferrous metals', 'non-ferrous foundries']],

  // 25 Industri barang logam, bukan mesin dan peralatannya
  ['25111', 'Industri Barang dari Logam Bukan Aluminium Siap Pasang untuk Bangunan', 'Manufacture of non-aluminium prefabricated metal building products', ['barang logam siap pasang bangunan', 'kusen dan pintu logam'], ['prefabricated metal building products', 'metal doors and frames']],
  ['25112', 'Industri Barang dari Logam Aluminium Siap Pasang untuk Bangunan', 'Manufacture of aluminium prefabricated building products', ['aluminium siap pasang bangunan', 'kusen aluminium'], ['aluminium building products', 'aluminium frames for buildings']],
  ['25113', 'Industri Konstruksi Berat Siap Pasang dari Baja untuk Bangunan', 'Manufacture of heavy prefabricated steel structures for buildings', ['konstruksi berat siap pasang', 'konstruksi baja berat'], ['heavy steel structures', 'prefabricated steel structures']],
  ['25119', 'Industri Barang dari Logam Siap Pasang untuk Konstruksi Lainnya', 'Manufacture of other prefabricated metal products for construction', ['logam siap pasang konstruksi lainnya', 'menara dan jembatan baja'], ['other prefabricated metal construction products', 'steel towers and bridge sections']],
  ['25120', 'Industri Tangki, Tandon Air dan Wadah dari Logam', 'Manufacture of tanks, reservoirs and containers of metal', ['tangki tandon dan wadah logam', 'pembuatan tangki logam'], ['metal tanks and reservoirs', 'metal containers manufacturing']],
  ['25130', 'Industri Generator Uap, Bukan Ketel Pemanas', 'Manufacture of steam generators, except central heating boilers', ['generator uap', 'pembuatan boiler uap'], ['steam generators', 'steam boiler manufacturing']],
  ['25200', 'Industri Senjata dan Amunisi', 'Manufacture of weapons and ammunition', ['senjata dan amunisi', 'pembuatan amunisi'], ['weapons and ammunition', 'ammunition manufacturing']],
  ['25910', 'Industri Penempaan, Pengepresan, Pencetakan dan Pembentukan Logam; Metalurgi Bubuk', 'Forging, pressing, stamping and roll-forming of metal; powder metallurgy', ['penempaan pengepresan dan pembentukan logam', 'metalurgi bubuk'], ['forging pressing stamping of metal', 'powder metallurgy']],
  ['25920', 'Jasa Industri untuk Berbagai Pengerjaan Khusus Logam dan Barang dari Logam', 'Treatment and coating of metals; machining (metalworking services)', ['jasa pengerjaan khusus logam', 'jasa industri pengerjaan logam'], ['treatment and coating of metals', 'metalworking services', 'machining services']],
  ['25931', 'Industri Alat Potong dan Perkakas Tangan untuk Pertanian', 'Manufacture of cutting and hand tools for agriculture', ['alat potong dan perkakas tangan pertanian', 'perkakas tangan pertanian'], ['agricultural hand tool manufacturing', 'cutting tools for agriculture']],
  ['25932', 'Industri Alat Potong dan Perkakas Tangan Pertukangan', 'Manufacture of cutting and hand tools for craftsmen', ['perkakas tangan pertukangan', 'alat pertukangan'], ['hand tools for craftsmen', 'carpentry hand tools']],
  ['25933', 'Industri Alat Potong dan Perkakas Tangan yang Digunakan dalam Rumah Tangga', 'Manufacture of household cutlery and hand tools', ['perkakas tangan rumah tangga', 'pisau dapur'], ['household cutlery', 'household hand tools']],
  ['25934', 'Industri Peralatan Umum', 'Manufacture of general hardware', ['peralatan umum', 'gembok dan engsel'], ['general hardware', 'locks and hinges']],
  ['25940', 'Industri Ember, Kaleng, Drum dan Wadah Sejenis dari Logam', 'Manufacture of metal pails, cans, drums and similar containers', ['ember kaleng dan drum logam', 'pembuatan drum logam'], ['metal pails cans and drums', 'metal drum manufacturing']],
  ['25951', 'Industri Barang dari Kawat', 'Manufacture of wire products', ['barang dari kawat', 'produk kawat'], ['wire products', 'wire goods manufacturing']],
  ['25952', 'Industri Paku, Mur dan Baut', 'Manufacture of nails, nuts and bolts', ['industri paku mur dan baut', 'pembuatan mur baut'], ['nails nuts and bolts manufacturing', 'fastener manufacturing']],
  ['25991', 'Industri Brankas, Filling Kantor dan Sejenisnya', 'Manufacture of safes, office filing cabinets and the like', ['brankas dan filing kantor', 'lemari arsip logam'], ['safes and filing cabinets', 'metal office cabinets']],
  ['25992', 'Industri Peralatan Dapur dan Peralatan Meja dari Logam', 'Manufacture of metal kitchenware and tableware', ['peralatan dapur dari logam', 'peralatan meja logam'], ['metal kitchenware', 'metal tableware']],
  ['25993', 'Industri Keperluan Rumah Tangga dari Logam Bukan Peralatan Dapur dan Peralatan Meja', 'Manufacture of metal household articles other than kitchenware and tableware', ['keperluan rumah tangga dari logam', 'barang rumah tangga logam'], ['metal household articles', 'household metalware']],
  ['25994', 'Industri Pembuatan Profil', 'Manufacture of metal profiles', ['pembuatan profil logam', 'profil baja ringan'], ['metal profiles', 'roll-formed profiles']],
  ['25995', 'Industri Lampu dari Logam', 'Manufacture of metal lamps', ['lampu dari logam', 'lampu hias logam'], ['metal lamps', 'metal lamp fittings']],
  ['25999', 'Industri Barang Logam Lainnya YTDL', 'Manufacture of other fabricated metal products n.e.c.', ['barang logam lainnya', 'barang logam ytdl'], ['other fabricated metal products', 'fabricated metal products n.e.c.']],

  // 28 Industri mesin dan perlengkapan YTDL
  ['28111', 'Industri Mesin Uap, Turbin dan Kincir', 'Manufacture of steam engines, turbines and windmills', ['mesin uap turbin dan kincir', 'pembuatan turbin'], ['steam engines and turbines', 'turbine manufacturing']],
  ['28112', 'Industri Motor Pembakaran Dalam', 'Manufacture of internal combustion engines', ['motor pembakaran dalam', 'pembuatan mesin diesel'], ['internal combustion engines', 'engine manufacturing']],
  ['28113', 'Industri Komponen dan Suku Cadang Mesin dan Turbin', 'Manufacture of engine and turbine components and parts', ['komponen mesin dan turbin', 'suku cadang mesin dan turbin'], ['engine and turbine parts', 'engine components manufacturing']],
  ['28120', 'Industri Peralatan Tenaga Zat Cair dan Gas', 'Manufacture of fluid power equipment', ['peralatan tenaga zat cair dan gas', 'peralatan hidrolik dan pneumatik'], ['fluid power equipment', 'hydraulic and pneumatic equipment']],
  ['28130', 'Industri Pompa Lainnya, Kompresor, Kran dan Klep/Katup', 'Manufacture of other pumps, compressors, taps and valves', ['pompa kompresor kran dan katup', 'pembuatan pompa dan katup'], ['pumps compressors taps and valves', 'pump and valve manufacturing']],
  ['28140', 'Industri Bearing, Roda Gigi dan Elemen Penggerak Mesin', 'Manufacture of bearings, gears, gearing and driving elements', ['bearing roda gigi dan elemen penggerak', 'pembuatan roda gigi dan transmisi'], ['bearings gears and driving elements', 'gear and transmission manufacturing']],
  ['28151', 'Industri Oven, Perapian dan Tungku Pembakar Sejenis yang Tidak Menggunakan Arus Listrik', 'Manufacture of non-electric ovens, furnaces and furnace burners', ['oven dan tungku non listrik', 'tungku pembakar bukan listrik'], ['non-electric ovens and furnaces', 'fuel-fired furnaces and burners']],
  ['28152', 'Industri Oven, Perapian dan Tungku Pembakar Sejenis yang Menggunakan Arus Listrik', 'Manufacture of electric ovens, furnaces and furnace burners', ['oven dan tungku listrik', 'tungku pembakar listrik'], ['electric ovens and furnaces', 'electric industrial furnaces']],
  ['28160', 'Industri Alat Pengangkat dan Pemindah', 'Manufacture of lifting and handling equipment', ['alat pengangkat dan pemindah', 'pembuatan crane dan konveyor'], ['lifting and handling equipment', 'crane and conveyor manufacturing']],
  ['28171', 'Industri Mesin Kantor dan Akuntansi Manual', 'Manufacture of manual office and accounting machinery', ['mesin kantor manual', 'mesin akuntansi manual'], ['manual office machinery', 'manual accounting machines']],
  ['28172', 'Industri Mesin Kantor dan Akuntansi Elektrik', 'Manufacture of electric office and accounting machinery', ['mesin kantor elektrik', 'mesin akuntansi elektrik'], ['electric office machinery', 'electric accounting machines']],
  ['28173', 'Industri Mesin Kantor dan Akuntansi Elektronik', 'Manufacture of electronic office and accounting machinery', ['mesin kantor elektronik', 'mesin akuntansi elektronik'], ['electronic office machinery', 'electronic accounting machines']],
  ['28174', 'Industri Mesin Fotocopi', 'Manufacture of photocopying machines', ['mesin fotocopi', 'mesin fotokopi'], ['photocopying machines', 'photocopier manufacturing']],
  ['28179', 'Industri Mesin dan Peralatan Kantor Lainnya', 'Manufacture of other office machinery and equipment', ['mesin dan peralatan kantor lainnya', 'peralatan kantor lainnya'], ['other office machinery', 'other office equipment']],
  ['28180', 'Industri Perkakas Tangan yang Digerakkan Tenaga', 'Manufacture of power-driven hand tools', ['perkakas tangan bertenaga', 'perkakas tangan digerakkan tenaga'], ['power-driven hand tools', 'power tools manufacturing']],
  ['28191', 'Industri Mesin untuk Pembungkus, Pembotolan dan Pengalengan', 'Manufacture of packing, bottling and canning machinery', ['mesin pembungkus pembotolan dan pengalengan', 'pembuatan mesin kemasan'], ['packing bottling and canning machinery', 'packaging machinery manufacturing']],
  ['28192', 'Industri Mesin Timbangan', 'Manufacture of weighing machinery', ['mesin timbangan', 'pembuatan timbangan'], ['weighing machinery', 'scales manufacturing']],
  ['28193', 'Industri Mesin Pendingin', 'Manufacture of refrigerating machinery', ['mesin pendingin', 'pembuatan mesin pendingin'], ['refrigerating machinery', 'refrigeration equipment manufacturing']],
  ['28199', 'Industri Mesin untuk Keperluan Umum Lainnya YTDL', 'Manufacture of other general-purpose machinery n.e.c.', ['mesin keperluan umum lainnya', 'mesin keperluan umum ytdl'], ['other general-purpose machinery', 'general-purpose machinery n.e.c.']],
  ['28210', 'Industri Mesin Pertanian dan Kehutanan', 'Manufacture of agricultural and forestry machinery', ['mesin pertanian dan kehutanan', 'pembuatan alsintan'], ['agricultural and forestry machinery', 'farm machinery manufacturing']],
  ['28221', 'Industri Mesin dan Perkakas Mesin untuk Pengerjaan Logam', 'Manufacture of metal-working machinery and machine tools', ['perkakas mesin pengerjaan logam', 'pembuatan mesin perkakas logam'], ['metal-working machine tools', 'machine tool manufacturing']],
  ['28222', 'Industri Mesin dan Perkakas Mesin untuk Pengerjaan Kayu', 'Manufacture of woodworking machinery and machine tools', ['perkakas mesin pengerjaan kayu', 'mesin pengolah kayu'], ['woodworking machinery', 'woodworking machine tools']],
  ['28223', 'Industri Mesin dan Perkakas Mesin untuk Pengerjaan Bahan Bukan Logam dan Kayu', 'Manufacture of machine tools for materials other than metal and wood', ['perkakas mesin bahan bukan logam', 'mesin pengerjaan batu dan kaca'], ['machine tools for non-metal materials', 'stone and glass working machinery']],
  ['28224', 'Industri Mesin dan Perkakas Mesin untuk Pengelasan yang Menggunakan Arus Listrik', 'Manufacture of electric welding machinery and equipment', ['mesin las listrik', 'pembuatan mesin las'], ['electric welding machinery', 'welding equipment manufacturing']],
  ['28230', 'Industri Mesin Metalurgi', 'Manufacture of machinery for metallurgy', ['mesin metalurgi', 'mesin pengecoran dan rolling'], ['metallurgy machinery', 'foundry and rolling mill machinery']],
  ['28240', 'Industri Mesin Penambangan, Penggalian dan Konstruksi', 'Manufacture of machinery for mining, quarrying and construction', ['mesin penambangan penggalian dan konstruksi', 'mesin tambang dan konstruksi'], ['mining quarrying and construction machinery', 'mining machinery manufacturing']],
  ['28250', 'Industri Mesin Pengolahan Makanan, Minuman dan Tembakau', 'Manufacture of machinery for food, beverage and tobacco processing', ['mesin pengolahan makanan minuman dan tembakau', 'pembuatan mesin makanan'], ['food beverage and tobacco machinery', 'food processing machinery manufacturing']],
  ['28261', 'Industri Kabinet Mesin Jahit', 'Manufacture of sewing machine cabinets', ['kabinet mesin jahit', 'meja mesin jahit'], ['sewing machine cabinets', 'sewing machine tables']],
  ['28262', 'Industri Mesin Jahit serta Mesin Cuci dan Mesin Pengering untuk Keperluan Niaga', 'Manufacture of sewing machines and commercial washing and drying machines', ['mesin jahit', 'mesin cuci niaga'], ['sewing machines', 'commercial laundry machines']],
  ['28263', 'Industri Mesin Tekstil', 'Manufacture of textile machinery', ['mesin tekstil', 'pembuatan mesin tekstil'], ['textile machinery', 'textile machinery manufacturing']],
  ['28264', 'Industri Jarum Mesin Jahit, Rajut, Bordir dan Sejenisnya', 'Manufacture of needles for sewing, knitting and embroidery machines', ['jarum mesin jahit', 'jarum mesin rajut'], ['sewing machine needles', 'knitting machine needles']],
  ['28265', 'Industri Mesin Penyiapan dan Pembuatan Produk Kulit', 'Manufacture of machinery for preparing and making leather products', ['mesin pengolahan kulit', 'mesin produk kulit'], ['leather working machinery', 'leather products machinery']],
  ['28291', 'Industri Mesin Percetakan', 'Manufacture of printing machinery', ['mesin percetakan', 'pembuatan mesin cetak'], ['printing machinery', 'printing press manufacturing']],
  ['28292', 'Industri Mesin Pabrik Kertas', 'Manufacture of paper-mill machinery', ['mesin pabrik kertas', 'mesin industri kertas'], ['paper-mill machinery', 'paper machinery']],
  ['28299', 'Industri Mesin Keperluan Khusus Lainnya', 'Manufacture of other special-purpose machinery', ['mesin keperluan khusus lainnya', 'mesin khusus lainnya'], ['other special-purpose machinery', 'special-purpose machinery n.e.c.']],

  // 29 Industri kendaraan bermotor, trailer dan semi trailer
  ['29101', 'Industri Kendaraan Bermotor Roda Empat atau Lebih', 'Manufacture of motor vehicles with four or more wheels', ['kendaraan bermotor roda empat', 'perakitan mobil'], ['motor vehicle manufacturing', 'car assembly']],
  ['29102', 'Industri Kendaraan Multiguna Pedesaan', 'Manufacture of rural multipurpose vehicles', ['kendaraan multiguna pedesaan', 'kmp'], ['rural multipurpose vehicles', 'rural utility vehicles']],
  ['29200', 'Industri Karoseri Kendaraan Bermotor Roda Empat atau Lebih dan Industri Trailer dan Semi Trailer', 'Manufacture of bodies (coachwork) for motor vehicles; trailers and semi-trailers', ['industri karoseri', 'karoseri dan trailer'], ['coachwork', 'vehicle bodies and trailers', 'trailer manufacturing']],
  ['29300', 'Industri Suku Cadang dan Aksesori Kendaraan Bermotor Roda Empat atau Lebih', 'Manufacture of parts and accessories for motor vehicles with four or more wheels', ['suku cadang dan aksesori kendaraan bermotor', 'komponen kendaraan roda empat'], ['motor vehicle parts and accessories', 'automotive parts manufacturing']],

  // 33 Reparasi dan pemasangan mesin dan peralatan
  ['33111', 'Reparasi Produk Logam Siap Pasang untuk Bangunan, Tangki, Tandon Air dan Generator Uap', 'Repair of structural metal products, tanks, reservoirs and steam generators', ['reparasi produk logam siap pasang', 'reparasi tangki dan boiler'], ['repair of structural metal products', 'tank and boiler repair']],
  ['33112', 'Reparasi Produk Senjata dan Amunisi', 'Repair of weapons and ammunition', ['reparasi senjata', 'reparasi senjata dan amunisi'], ['weapons repair', 'repair of weapons and ammunition']],
  ['33119', 'Reparasi Produk Logam Pabrikasi Lainnya', 'Repair of other fabricated metal products', ['reparasi produk logam pabrikasi lainnya', 'reparasi barang logam'], ['repair of other fabricated metal products', 'metal products repair']],
  ['33121', 'Reparasi Mesin untuk Keperluan Umum', 'Repair of general-purpose machinery', ['reparasi mesin keperluan umum', 'reparasi mesin umum'], ['repair of general-purpose machinery', 'general machinery repair']],
  ['33122', 'Reparasi Mesin untuk Keperluan Khusus', 'Repair of special-purpose machinery', ['reparasi mesin keperluan khusus', 'reparasi mesin khusus'], ['repair of special-purpose machinery', 'special machinery repair']],
  ['33131', 'Reparasi Alat Ukur, Alat Uji dan Peralatan Navigasi dan Pengontrol', 'Repair of measuring, testing, navigating and control equipment', ['reparasi alat ukur', 'reparasi alat uji'], ['measuring instrument repair', 'repair of testing equipment']],
  ['33132', 'Reparasi Peralatan Iradiasi, Elektromedis dan Elektroterapi', 'Repair of irradiation, electromedical and electrotherapeutic equipment', ['reparasi peralatan elektromedis', 'reparasi alat iradiasi'], ['electromedical equipment repair', 'irradiation equipment repair']],
  ['33133', 'Reparasi Peralatan Fotografi dan Optik', 'Repair of photographic and optical equipment', ['reparasi peralatan fotografi', 'reparasi peralatan optik'], ['photographic equipment repair', 'optical equipment repair']],
  ['33141', 'Reparasi Motor Listrik, Generator dan Transformator', 'Repair of electric motors, generators and transformers', ['reparasi motor listrik', 'gulung ulang dinamo'], ['electric motor repair', 'motor rewinding']],
  ['33142', 'Reparasi Baterai dan Akumulator Listrik', 'Repair of batteries and electric accumulators', ['reparasi baterai', 'reparasi aki'], ['battery repair', 'accumulator repair']],
  ['33149', 'Reparasi Peralatan Listrik Lainnya', 'Repair of other electrical equipment', ['reparasi peralatan listrik lainnya', 'reparasi peralatan listrik'], ['repair of other electrical equipment', 'electrical equipment repair']],
  ['33151', 'Reparasi Kapal, Perahu dan Bangunan Terapung', 'Repair of ships, boats and floating structures', ['reparasi kapal', 'perbaikan kapal dan perahu'], ['ship repair', 'boat repair']],
  ['33152', 'Reparasi Lokomotif dan Gerbong Kereta', 'Repair of locomotives and railway rolling stock', ['reparasi lokomotif', 'reparasi gerbong kereta'], ['locomotive repair', 'rolling stock repair']],
  ['33153', 'Reparasi Pesawat Terbang', 'Repair of aircraft', ['reparasi pesawat terbang', 'perawatan pesawat'], ['aircraft repair', 'aircraft maintenance']],
  ['33159', 'Reparasi Alat Angkutan Lainnya, Bukan Kendaraan Bermotor', 'Repair of other transport equipment, except motor vehicles', ['reparasi alat angkutan lainnya', 'reparasi alat angkut bukan kendaraan bermotor'], ['repair of other transport equipment', 'transport equipment repair']],
  ['33190', 'Reparasi Peralatan Lainnya', 'Repair of other equipment', ['reparasi peralatan lainnya', 'perbaikan peralatan lain'], ['repair of other equipment', 'other equipment repair']],
  ['33200', 'Instalasi/Pemasangan Mesin dan Peralatan Industri', 'Installation of industrial machinery and equipment', ['instalasi mesin dan peralatan industri', 'pemasangan mesin industri'], ['installation of industrial machinery', 'industrial equipment installation']],
];

/*
 * Codes that are not KBLI 2020 classes but arrive on real NIBs issued after the KBLI 2025 revision
 *, so an import must not call them unknown: 28220 replaces
 * 28221–28224 and 29100 replaces 29101–29102. Kept apart so the KBLI 2020 counts stay exact.
 */
// biome-ignore format: one class per line keeps the table reviewable
const KBLI_2025_SUCCESSOR_ROWS: readonly KbliRow[] = [
  ['28220', 'Industri Mesin dan Perkakas Mesin untuk Pengerjaan Logam dan Bahan Lainnya', 'Manufacture of metal-forming machinery and machine tools (KBLI 2025)', ['industri mesin perkakas', 'mesin perkakas'], ['machine tools', 'metal-forming machinery']],
  ['29100', 'Industri Kendaraan Bermotor Roda Empat atau Lebih (KBLI 2025)', 'Manufacture of motor vehicles (KBLI 2025)', ['industri kendaraan bermotor'], ['motor vehicles']],
];

function toSeed([code, labelId, labelEn, synonymsId, synonymsEn]: KbliRow): TermSeed {
  return {
    kind: 'kbli',
    slug: code,
    labelId,
    labelEn,
    synonymsId: [code, `kbli ${code}`, ...synonymsId],
    synonymsEn: [...synonymsEn],
  };
}

/** Every KBLI 2020 class of the metal and machine divisions, as the official list has them. */
export const KBLI_2020: readonly TermSeed[] = KBLI_2020_ROWS.map(toSeed);

/** All KBLI terms the platform accepts: the 2020 classes plus the KBLI 2025 codes that replace some. */
export const KBLI: TermSeed[] = [...KBLI_2020, ...KBLI_2025_SUCCESSOR_ROWS.map(toSeed)];

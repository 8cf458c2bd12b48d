import { defineTerms } from './term.js';

// Coarse facets for buyers: what a supplier's output is used for (product_category) and which
// industries it serves (sector). Estates are sold by sector, so the sector list follows the estates.
// biome-ignore format: one term per line keeps the table reviewable
export const PRODUCT_CATEGORIES = defineTerms('product_category', [
  ['automotive-components', 'Komponen otomotif', 'Automotive components', ['kategori komponen otomotif', 'komponen kendaraan bermotor', 'suku cadang otomotif'], ['automotive components', 'automotive supply parts', 'vehicle components']],
  ['machinery-parts', 'Komponen mesin', 'Machinery parts', ['komponen mesin', 'part mesin', 'suku cadang mesin industri'], ['machinery parts', 'machine components', 'machine parts']],
  ['metal-construction', 'Konstruksi logam', 'Metal construction and structures', ['konstruksi logam', 'struktur logam', 'pekerjaan baja'], ['metal construction', 'metal structures', 'steelwork']],
  ['tools-and-dies', 'Perkakas, cetakan dan dies', 'Tools and dies', ['perkakas dan cetakan', 'tooling produksi', 'mould dan dies'], ['tools and dies', 'tool and die', 'production tooling']],
  ['foundry-products', 'Produk pengecoran', 'Foundry products', ['produk pengecoran', 'produk foundry', 'barang hasil pengecoran'], ['foundry products', 'cast products', 'foundry goods']],
  ['food-processing-equipment', 'Peralatan pengolahan pangan', 'Food processing equipment', ['peralatan pengolahan pangan', 'peralatan industri makanan', 'alat pengolahan makanan'], ['food processing equipment', 'food industry equipment', 'food plant equipment']],
  ['agricultural-machinery', 'Alat dan mesin pertanian', 'Agricultural machinery and tools', ['alat dan mesin pertanian', 'peralatan pertanian', 'alat perkebunan'], ['agricultural equipment', 'farm equipment', 'agricultural machinery and tools']],
  ['mining-equipment-parts', 'Komponen alat tambang', 'Mining equipment parts', ['komponen alat tambang', 'suku cadang tambang', 'part alat berat tambang'], ['mining equipment parts', 'mining spares', 'mining wear parts']],
  ['electrical-panels', 'Panel dan enclosure listrik', 'Electrical panels and enclosures', ['panel dan enclosure listrik', 'enclosure listrik', 'perlengkapan panel listrik'], ['electrical panels', 'electrical enclosures', 'panel building']],
  ['packaging', 'Kemasan dan mesin kemas', 'Packaging', ['kemasan', 'pengemasan', 'mesin kemas'], ['packaging', 'packaging equipment', 'packing machinery']],
  ['metal-furniture', 'Furnitur dan perabot logam', 'Metal furniture', ['perabot logam', 'furnitur kantor besi', 'perabot besi'], ['metal office furniture', 'steel furnishings', 'metal fixtures and furniture']],
  ['textile-machinery-parts', 'Komponen mesin tekstil', 'Textile machinery parts', ['komponen mesin tekstil', 'sparepart mesin tenun', 'suku cadang mesin garmen'], ['textile machinery parts', 'loom spare parts', 'garment machine parts']],
  ['tobacco-machinery', 'Mesin dan komponen industri rokok', 'Tobacco processing machinery', ['mesin industri rokok', 'peralatan pabrik rokok', 'mesin pengolahan tembakau'], ['tobacco processing machinery', 'cigarette making equipment', 'tobacco machinery']],
  ['material-handling', 'Alat angkat dan angkut', 'Material handling equipment', ['alat angkat angkut', 'peralatan material handling', 'alat pemindah barang'], ['material handling equipment', 'handling equipment', 'lifting and conveying equipment']],
  ['pressure-equipment', 'Bejana, tangki dan boiler', 'Pressure equipment and tanks', ['bejana dan tangki', 'peralatan bertekanan', 'tangki dan boiler'], ['pressure equipment', 'tanks and vessels', 'process vessels']],
  ['marine-equipment', 'Perlengkapan kapal dan perahu', 'Marine equipment', ['peralatan kapal', 'perlengkapan perahu', 'komponen kapal'], ['marine equipment', 'boat equipment', 'ship components']],
  ['surface-treatment-services', 'Jasa pelapisan dan perlakuan permukaan', 'Surface treatment services', ['jasa pelapisan logam', 'jasa finishing logam', 'perlakuan permukaan'], ['surface treatment services', 'metal finishing services', 'coating services']],
  ['maintenance-services', 'Jasa perawatan dan perbaikan industri', 'Industrial maintenance services', ['jasa perawatan mesin', 'jasa maintenance pabrik', 'perawatan industri'], ['industrial maintenance services', 'plant maintenance', 'maintenance services']],
  ['hand-tools', 'Perkakas tangan', 'Hand tools', ['perkakas tangan', 'alat tangan', 'perkakas pertukangan'], ['hand tools', 'handtools', 'manual tools']],
]);

// biome-ignore format: one term per line keeps the table reviewable
export const SECTORS = defineTerms('sector', [
  ['automotive', 'Otomotif', 'Automotive', ['otomotif', 'industri otomotif', 'industri kendaraan'], ['automotive', 'automotive industry', 'auto industry']],
  ['mining-smelter', 'Pertambangan dan smelter', 'Mining and smelting', ['pertambangan', 'tambang', 'smelter', 'pemurnian mineral'], ['mining', 'smelting', 'smelter', 'mineral processing']],
  ['halal-food', 'Makanan dan minuman halal', 'Halal food and beverage', ['makanan halal', 'industri halal', 'pangan halal', 'mamin halal'], ['halal food', 'halal industry', 'halal food and beverage']],
  ['textile-garment', 'Tekstil dan garmen', 'Textile and garment', ['tekstil', 'garmen', 'konveksi', 'tekstil dan produk tekstil'], ['textile', 'garment', 'apparel', 'textiles and apparel']],
  ['energy', 'Energi dan ketenagalistrikan', 'Energy and power', ['energi', 'ketenagalistrikan', 'pembangkit listrik'], ['energy', 'power generation', 'power industry']],
  ['construction', 'Konstruksi', 'Construction', ['konstruksi', 'jasa konstruksi', 'bangunan dan infrastruktur'], ['construction', 'building and infrastructure', 'civil works']],
  ['logistics', 'Logistik dan pergudangan', 'Logistics and warehousing', ['logistik', 'pergudangan', 'ekspedisi'], ['logistics', 'warehousing', 'freight']],
  ['agro-industry', 'Agroindustri', 'Agro-industry', ['agroindustri', 'agro industri', 'perkebunan', 'pertanian'], ['agro-industry', 'agribusiness', 'agriculture', 'plantations']],
  ['maritime', 'Perkapalan dan kemaritiman', 'Shipbuilding and maritime', ['perkapalan', 'galangan kapal', 'maritim', 'kemaritiman'], ['shipbuilding', 'maritime', 'shipyard', 'marine industry']],
  ['electronics', 'Elektronika', 'Electronics', ['elektronika', 'elektronik', 'industri elektronik'], ['electronics', 'electronics manufacturing', 'electrical and electronics']],
  ['oil-and-gas', 'Minyak dan gas bumi', 'Oil and gas', ['migas', 'minyak dan gas', 'minyak bumi'], ['oil and gas', 'petroleum', 'upstream oil and gas']],
  ['tobacco-products', 'Industri hasil tembakau', 'Tobacco products', ['industri hasil tembakau', 'iht', 'rokok', 'pabrik rokok', 'kiht'], ['tobacco products', 'tobacco industry', 'cigarette manufacturing']],
  ['cement-building-materials', 'Semen dan bahan bangunan', 'Cement and building materials', ['semen', 'pabrik semen', 'bahan bangunan'], ['cement', 'building materials', 'cement plant']],
]);

// biome-ignore format: one term per line keeps the table reviewable
export const CERTIFICATIONS = defineTerms('certification', [
  ['sni', 'SNI (Standar Nasional Indonesia)', 'SNI (Indonesian National Standard)', ['sni', 'sppt sni', 'sertifikat sni', 'standar nasional indonesia'], ['indonesian national standard', 'sni certification', 'sni mark']],
  ['iso-9001', 'ISO 9001 Sistem Manajemen Mutu', 'ISO 9001 quality management', ['iso 9001', 'iso9001', 'sistem manajemen mutu', 'smm iso'], ['quality management system', 'qms iso 9001', 'iso 9001 certified']],
  ['iso-14001', 'ISO 14001 Sistem Manajemen Lingkungan', 'ISO 14001 environmental management', ['iso 14001', 'iso14001', 'sistem manajemen lingkungan'], ['environmental management system', 'ems iso 14001']],
  ['iso-45001', 'ISO 45001 Sistem Manajemen K3', 'ISO 45001 occupational health and safety', ['iso 45001', 'iso45001', 'smk3 iso'], ['iso 45001 ohs', 'ohsms iso 45001', 'iso 45001 certified']],
  ['halal', 'Sertifikat halal (BPJPH)', 'Halal certificate (BPJPH)', ['halal', 'sertifikat halal', 'bpjph', 'halal mui', 'label halal'], ['halal certificate', 'halal certification', 'halal certified']],
  ['tkdn', 'TKDN (Tingkat Komponen Dalam Negeri)', 'TKDN local content certificate', ['tkdn', 'tingkat komponen dalam negeri', 'sertifikat tkdn', 'komponen dalam negeri'], ['local content', 'local content certificate', 'domestic content level']],
  ['smk3', 'SMK3 (Sistem Manajemen K3)', 'SMK3 safety management (Kemnaker)', ['smk3', 'sistem manajemen k3', 'sertifikat k3', 'k3'], ['ohs management system', 'occupational safety management', 'smk3 certificate']],
  ['iatf-16949', 'IATF 16949 (otomotif)', 'IATF 16949 automotive quality', ['iatf 16949', 'iatf16949', 'ts 16949'], ['automotive quality management', 'iatf certification', 'iso/ts 16949']],
  ['api', 'Sertifikasi API (migas)', 'API certification (oil and gas)', ['api monogram', 'api spec q1', 'sertifikat api', 'lisensi api'], ['american petroleum institute', 'api licence', 'api certified']],
  ['asme', 'ASME stamp (bejana tekan)', 'ASME stamp (pressure equipment)', ['asme', 'asme stamp', 'stempel asme', 'asme u stamp'], ['asme certification', 'asme code stamp', 'asme certified']],
  ['iso-17025', 'ISO/IEC 17025 (akreditasi KAN)', 'ISO/IEC 17025 lab accreditation', ['iso 17025', 'akreditasi kan', 'laboratorium terakreditasi', 'lab terakreditasi kan'], ['iso/iec 17025', 'accredited laboratory', 'lab accreditation']],
  ['green-industry', 'Sertifikat Industri Hijau', 'Green Industry certificate', ['industri hijau', 'sertifikat industri hijau', 'standar industri hijau'], ['green industry certificate', 'green industry certification']],
  ['welder-qualification', 'Sertifikat juru las', 'Welder qualification', ['sertifikat juru las', 'juru las bersertifikat', 'sertifikat las', 'welder bersertifikat'], ['welder qualification', 'certified welder', 'welder certificate']],
  ['bki-class', 'Klasifikasi BKI', 'BKI class approval', ['bki', 'biro klasifikasi indonesia', 'sertifikat bki'], ['bki class', 'bki approval', 'class approved']],
]);

/**
 * Real Zhengzhou hospitals that receive 120 patients (emergency departments of the city's
 * large general and specialist hospitals). The NAMES ARE REAL; the POSITIONS ARE ESTIMATES
 * from general knowledge of the city (WGS84, typical error a few hundred metres, up to
 * ~1 km for the county hospitals), not surveyed. `chestPain`: the hospital runs a chest-pain
 * centre (receives patients whose ECG is sent ahead from the ambulance); assumed for the
 * large teaching hospitals. Every entity generated from this list carries
 * `approximate: true`. Used by mock-data/generator/ambulances*.ts.
 */
export interface HospitalDef {
  id: string;
  name: string;
  name_en: string;
  lon: number;
  lat: number;
  /** Chinese hospital grade: 3 = tertiary (三级), 2 = secondary */
  grade: 2 | 3;
  /** runs a chest-pain centre (ECG sent ahead) */
  chestPain: boolean;
  /** ambulances based at the hospital's 120 station */
  fleet: number;
}

export const HOSPITALS: HospitalDef[] = [
  { id: 'HZ01', name: '郑州大学第一附属医院（河医院区）', name_en: 'First Affiliated Hospital of Zhengzhou University (Heyi campus)', lon: 113.6462, lat: 34.7555, grade: 3, chestPain: true, fleet: 12 },
  { id: 'HZ02', name: '郑州大学第一附属医院（郑东院区）', name_en: 'First Affiliated Hospital of Zhengzhou University (Zhengdong campus)', lon: 113.7625, lat: 34.8115, grade: 3, chestPain: true, fleet: 12 },
  { id: 'HZ03', name: '河南省人民医院', name_en: 'Henan Provincial People’s Hospital', lon: 113.6758, lat: 34.7668, grade: 3, chestPain: true, fleet: 12 },
  { id: 'HZ04', name: '郑州大学第二附属医院', name_en: 'Second Affiliated Hospital of Zhengzhou University', lon: 113.6815, lat: 34.7742, grade: 3, chestPain: true, fleet: 8 },
  { id: 'HZ05', name: '郑州大学第三附属医院', name_en: 'Third Affiliated Hospital of Zhengzhou University', lon: 113.6525, lat: 34.7468, grade: 3, chestPain: false, fleet: 6 },
  { id: 'HZ06', name: '郑州大学第五附属医院', name_en: 'Fifth Affiliated Hospital of Zhengzhou University', lon: 113.6562, lat: 34.7442, grade: 3, chestPain: true, fleet: 6 },
  { id: 'HZ07', name: '郑州市中心医院', name_en: 'Zhengzhou Central Hospital', lon: 113.6112, lat: 34.7738, grade: 3, chestPain: true, fleet: 10 },
  { id: 'HZ08', name: '郑州人民医院', name_en: 'Zhengzhou People’s Hospital', lon: 113.6705, lat: 34.7742, grade: 3, chestPain: true, fleet: 8 },
  { id: 'HZ09', name: '河南中医药大学第一附属医院', name_en: 'First Affiliated Hospital of Henan University of Chinese Medicine', lon: 113.6725, lat: 34.7612, grade: 3, chestPain: false, fleet: 6 },
  { id: 'HZ10', name: '河南省儿童医院', name_en: 'Henan Children’s Hospital', lon: 113.6912, lat: 34.7752, grade: 3, chestPain: false, fleet: 4 },
  { id: 'HZ11', name: '河南省胸科医院', name_en: 'Henan Chest Hospital', lon: 113.6335, lat: 34.7268, grade: 3, chestPain: true, fleet: 6 },
  { id: 'HZ12', name: '阜外华中心血管病医院', name_en: 'Central China Fuwai Hospital', lon: 113.7815, lat: 34.7705, grade: 3, chestPain: true, fleet: 6 },
  { id: 'HZ13', name: '郑州市第一人民医院', name_en: 'Zhengzhou First People’s Hospital', lon: 113.6505, lat: 34.7575, grade: 3, chestPain: true, fleet: 8 },
  { id: 'HZ14', name: '郑州市第七人民医院', name_en: 'Zhengzhou Seventh People’s Hospital', lon: 113.7395, lat: 34.7155, grade: 3, chestPain: true, fleet: 8 },
  { id: 'HZ15', name: '郑州市骨科医院', name_en: 'Zhengzhou Orthopaedic Hospital', lon: 113.6318, lat: 34.7335, grade: 3, chestPain: false, fleet: 6 },
  { id: 'HZ16', name: '郑州市第三人民医院', name_en: 'Zhengzhou Third People’s Hospital', lon: 113.6925, lat: 34.7425, grade: 3, chestPain: false, fleet: 6 },
  { id: 'HZ17', name: '郑州市第九人民医院', name_en: 'Zhengzhou Ninth People’s Hospital', lon: 113.6105, lat: 34.7465, grade: 2, chestPain: false, fleet: 4 },
  { id: 'HZ18', name: '郑州大学第一附属医院（惠济院区）', name_en: 'First Affiliated Hospital of Zhengzhou University (Huiji campus)', lon: 113.6235, lat: 34.8665, grade: 3, chestPain: true, fleet: 6 },
  { id: 'HZ19', name: '中牟县人民医院', name_en: 'Zhongmu County People’s Hospital', lon: 113.9745, lat: 34.7205, grade: 2, chestPain: true, fleet: 6 },
  { id: 'HZ20', name: '荥阳市人民医院', name_en: 'Xingyang People’s Hospital', lon: 113.3835, lat: 34.7875, grade: 2, chestPain: true, fleet: 6 },
  { id: 'HZ21', name: '新郑市人民医院', name_en: 'Xinzheng People’s Hospital', lon: 113.7385, lat: 34.3985, grade: 2, chestPain: true, fleet: 6 },
  { id: 'HZ22', name: '郑州航空港区第一人民医院', name_en: 'Zhengzhou Airport Zone First People’s Hospital', lon: 113.8215, lat: 34.5385, grade: 2, chestPain: true, fleet: 6 },
];

/** The `hotspots` topic: waterlogging-prone places and their current water depth. */
import { z } from 'zod';
import { entitySchema, type TopicSpec } from '../../src/data/topics';

export const WARNING_LEVELS = ['none', 'blue', 'yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const hotspotEntity = entitySchema({
  name: z.string().min(1).max(200),
  name_en: z.string().max(200).optional(),
  /** water depth at the lowest point, centimetres */
  depth_cm: z.number().min(0).max(2000),
  /** change of depth, cm per hour (positive: rising) */
  trend_cm_h: z.number().min(-5000).max(5000).optional(),
  level: z.enum(WARNING_LEVELS).optional(),
  kind: z.string().max(40).optional(),
  district: z.string().max(40).optional(),
  /** rainfall intensity at the place, mm per hour */
  rain_mm_h: z.number().min(0).max(1000).optional(),
});

export const topics: TopicSpec[] = [{ topic: 'hotspots', entity: hotspotEntity, columns: ['depth_cm'] }];

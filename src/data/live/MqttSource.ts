/**
 * MQTT over WebSocket (how city IoT platforms publish), with MQTT.js. Subscribes to
 * `<prefix>#` (default `cockpit/#`); the cockpit topic is the MQTT topic after the prefix,
 * or as mapped in `topicMap` ({"city/flood/depth": "hotspots"}). Each payload is one
 * wire-format message; its `topic` field may be omitted (taken from the MQTT topic).
 * Reconnection is ours (LiveSource: backoff with jitter, snapshot resync), not MQTT.js's.
 */
import mqtt from 'mqtt';
import { LiveSource, SourceError, type Connection, type LiveOptions } from './LiveSource';
import type { TopicRegistry } from '../topics';

export interface MqttOptions extends LiveOptions {
  /** MQTT topic prefix; default "cockpit/" */
  prefix?: string;
  /** MQTT topic → cockpit topic, for feeds that do not follow the prefix scheme */
  topicMap?: Record<string, string>;
}

export class MqttSource extends LiveSource {
  readonly kind = 'mqtt' as const;
  private readonly prefix: string;
  private readonly topicMap: Record<string, string>;

  constructor(
    private readonly mqttOptions: MqttOptions,
    topics: TopicRegistry,
  ) {
    super(mqttOptions, topics);
    this.prefix = mqttOptions.prefix ?? 'cockpit/';
    this.topicMap = mqttOptions.topicMap ?? {};
  }

  protected open(): Promise<Connection> {
    return new Promise<Connection>((resolve, reject) => {
      const client = mqtt.connect(this.url, {
        reconnectPeriod: 0, // LiveSource reconnects
        connectTimeout: 8000,
        clean: true,
        username: this.mqttOptions.username,
        password: this.mqttOptions.password,
        clientId: `cockpit-${Math.random().toString(16).slice(2, 10)}`,
      });
      let connected = false;
      let closedWith: (reason: string) => void = () => {};
      const closed = new Promise<string>((r) => (closedWith = r));
      const fail = (why: string) => {
        if (!connected) reject(new SourceError(`cannot connect to ${this.url}: ${why}`));
        closedWith(why);
        client.end(true);
      };
      client.on('connect', () => {
        const subs = [`${this.prefix}#`, ...Object.keys(this.topicMap)];
        client.subscribe(subs, { qos: 0 }, (err) => {
          if (err) return fail(`subscribe failed: ${err.message}`);
          connected = true;
          resolve({ closed, close: () => client.end(true) });
        });
      });
      client.on('message', (mqttTopic, payload) => {
        const text = payload.toString();
        if (mqttTopic === `${this.prefix}_heartbeat`) {
          try {
            this.heartbeat((JSON.parse(text) as { seqs?: unknown }).seqs);
          } catch {
            /* ignored */
          }
          return;
        }
        const topic = this.topicMap[mqttTopic] ?? (mqttTopic.startsWith(this.prefix) ? mqttTopic.slice(this.prefix.length) : null);
        if (topic === null) return;
        // a message without its topic field takes the MQTT topic's
        let raw: unknown = text;
        try {
          const parsed = JSON.parse(text) as Record<string, unknown>;
          if (parsed && typeof parsed === 'object' && !Array.isArray(parsed) && parsed.topic === undefined) parsed.topic = topic;
          raw = parsed;
        } catch {
          this.receive(text);
          return;
        }
        this.receive(raw, false);
      });
      client.on('error', (e) => fail(e.message));
      client.on('close', () => fail('connection closed'));
      client.on('offline', () => fail('offline'));
    });
  }
}

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
import { MAX_MESSAGE_BYTES } from '../edge';

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
      client.on('message', (mqttTopic, payload) => this.onMessage(mqttTopic, payload));
      client.on('error', (e) => fail(e.message));
      client.on('close', () => fail('connection closed'));
      client.on('offline', () => fail('offline'));
    });
  }

  /**
   * One MQTT message. The cockpit topic is the MQTT topic's (after the prefix, or as mapped);
   * a payload may omit its `topic` field, but one that names another topic is rejected: a
   * publisher the broker lets write `cockpit/parking` must not be able to write `hotspots`.
   */
  onMessage(mqttTopic: string, payload: Uint8Array | string): void {
    if (payload.length > MAX_MESSAGE_BYTES) {
      this.rejectText(`message too large (${payload.length} bytes > ${MAX_MESSAGE_BYTES}) on MQTT topic ${mqttTopic}`);
      return;
    }
    const text = typeof payload === 'string' ? payload : new TextDecoder().decode(payload);
    if (mqttTopic === `${this.prefix}_heartbeat`) {
      try {
        this.heartbeat((JSON.parse(text) as { seqs?: unknown } | null)?.seqs);
      } catch {
        /* ignored */
      }
      return;
    }
    const topic = Object.hasOwn(this.topicMap, mqttTopic) ? this.topicMap[mqttTopic] : mqttTopic.startsWith(this.prefix) ? mqttTopic.slice(this.prefix.length) : null;
    if (topic === null) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.receive(text); // a malformed-JSON reject with its sample
      return;
    }
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      const m = parsed as Record<string, unknown>;
      if (m.topic === undefined) m.topic = topic;
      else if (m.topic !== topic) {
        this.rejectText(`topic: the payload names topic ${JSON.stringify(String(m.topic).slice(0, 64))} but came on MQTT topic ${mqttTopic} (${topic})`, text, topic);
        return;
      }
    }
    this.receive(parsed, false);
  }
}

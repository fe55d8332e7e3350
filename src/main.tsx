/** Boot: read the runtime config, build the cockpit, expose the control API, render. */
import './data/zod-setup'; // first: zod without eval before any schema runs (CSP)
import { createRoot } from 'react-dom/client';
import { load, JSONLoader } from '@loaders.gl/core';
import { loadConfig } from './app/config';
import { Cockpit } from './app/cockpit';
import { installControlApi } from './app/control';
import { reloadSoon } from './app/kiosk';
import { App } from './app/App';
import { layers } from '../layers/registry';
import { createTopicRegistry } from '../layers/topics';
import ReplayWorker from './app/replay.worker.ts?worker';
import './styles.css';

async function boot() {
  const { config, problems, select, only } = await loadConfig();
  if (only) for (const l of layers) config.layers[l.id] = only.includes(l.id);
  const cockpit = new Cockpit(config, layers, createTopicRegistry(), () => new ReplayWorker());
  cockpit.setLang(config.lang);
  if (problems.length) cockpit.store.setState({ notices: problems.map((text, i) => ({ id: `config-${i}`, level: 'error' as const, text })) });
  installControlApi(cockpit, config.controlOrigins);
  createRoot(document.getElementById('root')!).render(<App cockpit={cockpit} />);
  cockpit.startLoop();

  // static assets of layers (e.g. district boundaries), loaded with loaders.gl
  for (const l of layers) {
    for (const [name, url] of Object.entries(l.assets ?? {})) {
      load(url, JSONLoader)
        .then((data) => cockpit.store.setState({ assets: { ...cockpit.store.getState().assets, [name]: data } }))
        .catch((e: Error) =>
          cockpit.store.setState({ notices: [...cockpit.store.getState().notices, { id: `asset-${name}`, level: 'error', text: `${l.title.en}: ${url}: ${e.message}` }] }),
        );
    }
  }

  await cockpit.open(config.source.kind, config.source.url, {
    start: config.replay.start !== undefined ? (typeof config.replay.start === 'number' ? config.replay.start : Date.parse(config.replay.start)) : undefined,
    autoplay: config.replay.autoplay,
  });
  // a link with a camera keeps it: select without flying there
  if (select) cockpit.select(select.topic, select.id, { fly: !new URLSearchParams(location.search).has('lon') });
}

boot().catch((e: Error) => {
  const el = document.getElementById('root')!;
  el.textContent = '';
  const div = document.createElement('div');
  div.className = 'fatal';
  div.textContent = `The cockpit failed to start: ${e.message}`;
  el.appendChild(div);
  console.error(e);
  // a wall or kiosk has nobody to press reload: try again to the same URL
  if (/[?&](mode=(wall|kiosk)|wall=)/.test(location.search)) reloadSoon(location.href, `start failed: ${e.message}`, (t) => (div.textContent = t));
});

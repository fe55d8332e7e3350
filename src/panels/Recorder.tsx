/** Record button: records the session and downloads it as a timeline (NDJSON) on stop. */
import { useEffect } from 'react';
import type { Cockpit } from '../app/cockpit';
import { useCockpit } from '../store/react';

export function RecordButton({ cockpit }: { cockpit: Cockpit }) {
  const lang = useCockpit((s) => s.lang);
  const recording = useCockpit((s) => s.recording);
  const ready = useCockpit((s) => s.source.state === 'ready');
  // ?record=1 starts recording as soon as the source is ready
  useEffect(() => {
    if (ready && !recording && new URLSearchParams(location.search).get('record') === '1' && !(window as { __cockpitAutoRecorded?: boolean }).__cockpitAutoRecorded) {
      (window as { __cockpitAutoRecorded?: boolean }).__cockpitAutoRecorded = true;
      cockpit.startRecording();
    }
  }, [ready, recording, cockpit]);
  const toggle = () => {
    if (!recording) return cockpit.startRecording();
    const r = cockpit.stopRecording();
    if (!r) return;
    const blob = new Blob([r.text], { type: 'application/x-ndjson' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `cockpit-recording-${new Date().toISOString().replace(/[:.]/g, '-')}.ndjson`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };
  return (
    <button className={`rec ${recording ? 'on' : ''}`} data-testid="record-button" onClick={toggle} title={lang === 'zh' ? '录制为可回放的时间线' : 'Record as a replayable timeline'}>
      {recording ? (lang === 'zh' ? '■ 停止录制' : '■ Stop') : lang === 'zh' ? '● 录制' : '● Record'}
    </button>
  );
}

/**
 * Keeps one layer's panel that throws from taking the cockpit down: the panel shows the
 * error (as text) and the rest of the page goes on. Reported once to the console.
 */
import { Component, type ReactNode } from 'react';

export class LayerBoundary extends Component<{ id: string; label: string; children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };

  static getDerivedStateFromError(e: unknown) {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override componentDidCatch(e: unknown) {
    console.error(`layer ${this.props.id}: its panel failed:`, e);
  }

  override render() {
    if (this.state.error !== null)
      return (
        <div className="layer-error" role="alert" data-testid={`panel-error-${this.props.id}`}>
          {this.props.label}: {this.state.error}
        </div>
      );
    return this.props.children;
  }
}

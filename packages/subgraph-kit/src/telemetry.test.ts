import { context, propagation, ProxyTracerProvider, trace } from '@opentelemetry/api';
import { startTelemetry, telemetryEndpoint } from './telemetry';
import { shapeOnly } from './telemetry-sdk';

describe('telemetry', () => {
  it('is off without an OTLP endpoint: nothing is registered, the global tracer stays the no-op one', () => {
    expect(telemetryEndpoint({})).toBeNull();
    expect(telemetryEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBeNull();
    expect(startTelemetry('gateway', { OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json' })).toBeNull();

    const provider = trace.getTracerProvider();
    expect(provider).toBeInstanceOf(ProxyTracerProvider);
    expect((provider as ProxyTracerProvider).getDelegate().constructor.name).toBe('NoopTracerProvider');
    const span = trace.getTracer('test').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(false);
    span.end();
    // No propagator either: no traceparent would be sent.
    const carrier: Record<string, string> = {};
    propagation.inject(trace.setSpanContext(context.active(), { traceId: '1'.repeat(32), spanId: '2'.repeat(16), traceFlags: 1 }), carrier);
    expect(carrier).toEqual({});
  });

  it('is on with either endpoint variable, and refuses a protocol it does not speak', () => {
    expect(telemetryEndpoint({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe('http://127.0.0.1:4318');
    expect(telemetryEndpoint({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://127.0.0.1:4318/v1/traces' })).toBe(
      'http://127.0.0.1:4318/v1/traces',
    );
    expect(() =>
      startTelemetry('gateway', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'grpc' }),
    ).toThrow(/http\/json/);
  });

  it('records only the shape of a database command: values and dotted key paths become ?', () => {
    const statement = shapeOnly({
      update: 'tallies',
      updates: [{ q: { _id: '03199', citizenId: '001144000001' }, u: { $inc: { 'counts.1944-02-29': 1, total: 1 } } }],
    });
    expect(statement).not.toMatch(/03199|001144000001|1944/);
    expect(JSON.parse(statement)).toEqual({
      update: '?',
      updates: [{ q: { _id: '?', citizenId: '?' }, u: { $inc: { 'counts.?': '?', total: '?' } } }],
    });
  });
});

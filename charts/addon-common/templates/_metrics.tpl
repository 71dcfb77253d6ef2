{{/*
A Service for the kit's metrics port. Argument: dict "context" . "component" "<component>"
"portName" "<container port name>", optional "headless" true (one endpoint per pod, e.g. a DaemonSet).
Values: metrics.port.
*/}}
{{- define "addon-common.metricsService" -}}
{{- $ctx := .context -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "addon-common.fullname" $ctx }}-metrics
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "addon-common.labels" . | nindent 4 }}
spec:
  {{- if .headless }}
  clusterIP: None
  {{- else }}
  type: ClusterIP
  {{- end }}
  ports:
    - name: {{ .portName }}
      port: {{ $ctx.Values.metrics.port }}
      targetPort: {{ .portName }}
      protocol: TCP
  selector:
    {{- include "addon-common.selectorLabels" $ctx | nindent 4 }}
{{- end }}

{{/*
A Prometheus Operator ServiceMonitor scraping /metrics on the metrics Service. Argument: as
addon-common.metricsService. Values: metrics.serviceMonitor.{interval,scrapeTimeout,labels}.
*/}}
{{- define "addon-common.serviceMonitor" -}}
{{- $ctx := .context -}}
{{- $sm := $ctx.Values.metrics.serviceMonitor -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "addon-common.fullname" $ctx }}
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "addon-common.labels" . | nindent 4 }}
    {{- with $sm.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "addon-common.selectorLabels" $ctx | nindent 6 }}
  endpoints:
    - port: {{ .portName }}
      path: /metrics
      interval: {{ $sm.interval }}
      scrapeTimeout: {{ $sm.scrapeTimeout }}
{{- end }}

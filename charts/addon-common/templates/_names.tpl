{{/* The chart's name: nameOverride, else the chart name; 63 characters. Argument: the chart context. */}}
{{- define "addon-common.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release-qualified name: fullnameOverride, else <release>-<name> (just <release> when it already holds the name). */}}
{{- define "addon-common.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* The labels a selector uses (never change them on upgrade). Argument: the chart context. */}}
{{- define "addon-common.selectorLabels" -}}
app.kubernetes.io/name: {{ include "addon-common.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Every object's labels. Argument: dict "context" . "component" "controller". */}}
{{- define "addon-common.labels" -}}
{{- $ctx := .context -}}
helm.sh/chart: {{ printf "%s-%s" $ctx.Chart.Name $ctx.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "addon-common.selectorLabels" $ctx }}
app.kubernetes.io/version: {{ $ctx.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ $ctx.Release.Service }}
app.kubernetes.io/component: {{ required "addon-common.labels: component is required" .component }}
{{- end }}

{{/* The ServiceAccount's name: serviceAccount.name, else the full name when serviceAccount.create. */}}
{{- define "addon-common.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "addon-common.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The container image: image.repository:image.tag, the tag defaulting to the chart's appVersion. */}}
{{- define "addon-common.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion | toString) }}
{{- end }}

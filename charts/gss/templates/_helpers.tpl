{{- define "gss.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-derived name; CronJob names are limited to 52 characters (the controller appends 11 for Jobs). */}}
{{- define "gss.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 52 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 52 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "gss.selectorLabels" -}}
app.kubernetes.io/name: {{ include "gss.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "gss.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "gss.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: gss
{{- end }}

{{- define "gss.githubSecret" -}}
{{- default (printf "%s-github" (include "gss.fullname" .)) .Values.github.existingSecret }}
{{- end }}

{{- define "gss.slackSecret" -}}
{{- default (printf "%s-slack" (include "gss.fullname" .)) .Values.slack.existingSecret }}
{{- end }}

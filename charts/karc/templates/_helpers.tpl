{{/* karc's names come from the addon-common library chart; only what is karc's own is here. */}}
{{- define "karc.fullname" -}}
{{- include "addon-common.fullname" . }}
{{- end }}

{{- define "karc.selectorLabels" -}}
{{- include "addon-common.selectorLabels" . }}
{{- end }}

{{- define "karc.labels" -}}
{{- include "addon-common.labels" (dict "context" . "component" "controller") }}
{{- end }}

{{- define "karc.serviceAccountName" -}}
{{- include "addon-common.serviceAccountName" . }}
{{- end }}

{{- define "karc.leaseName" -}}
{{- default (include "karc.fullname" .) .Values.leaderElection.leaseName }}
{{- end }}


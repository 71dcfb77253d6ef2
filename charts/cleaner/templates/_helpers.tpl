{{/* cleaner's names come from the addon-common library chart; only what is cleaner's own is here. */}}
{{- define "cleaner.fullname" -}}
{{- include "addon-common.fullname" . }}
{{- end }}

{{- define "cleaner.selectorLabels" -}}
{{- include "addon-common.selectorLabels" . }}
{{- end }}

{{- define "cleaner.labels" -}}
{{- include "addon-common.labels" (dict "context" . "component" "cleaner") }}
{{- end }}

{{/* The mount path of a target: mountPath, else /targets/<name>. */}}
{{- define "cleaner.mountPath" -}}
{{- default (printf "/targets/%s" .name) .mountPath }}
{{- end }}

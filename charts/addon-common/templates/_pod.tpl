{{/*
The hardened pod security context: non-root uid/gid 65532 (the distroless "nonroot" user of the images)
and the RuntimeDefault seccomp profile, with the argument's keys merged over them.
Argument: a map of overrides, e.g. .Values.podSecurityContext (may be empty).
*/}}
{{- define "addon-common.podSecurityContext" -}}
{{- $hardened := dict "runAsNonRoot" true "runAsUser" 65532 "runAsGroup" 65532 "seccompProfile" (dict "type" "RuntimeDefault") }}
{{- toYaml (mustMergeOverwrite $hardened (deepCopy (. | default dict))) }}
{{- end }}

{{/*
The hardened container security context: read-only root filesystem, no privilege escalation, not
privileged, every capability dropped, with the argument's keys merged over them.
Argument: a map of overrides, e.g. .Values.securityContext (may be empty).
*/}}
{{- define "addon-common.containerSecurityContext" -}}
{{- $hardened := dict "readOnlyRootFilesystem" true "allowPrivilegeEscalation" false "privileged" false "capabilities" (dict "drop" (list "ALL")) }}
{{- toYaml (mustMergeOverwrite $hardened (deepCopy (. | default dict))) }}
{{- end }}

{{/*
Liveness (/healthz) and readiness (/readyz) probes on the kit's health listener (the port that also
serves /metrics). Argument: dict "port" "<container port name>", optional "livenessPeriodSeconds"
(default 10) and "readinessPeriodSeconds" (default 5).
*/}}
{{- define "addon-common.probes" -}}
livenessProbe:
  httpGet:
    path: /healthz
    port: {{ required "addon-common.probes: port is required" .port }}
  periodSeconds: {{ .livenessPeriodSeconds | default 10 }}
readinessProbe:
  httpGet:
    path: /readyz
    port: {{ .port }}
  periodSeconds: {{ .readinessPeriodSeconds | default 5 }}
{{- end }}

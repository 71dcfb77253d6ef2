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

{{/*
Why a hostPath is refused, or "" (the same lists as the binary: addons/cleaner/Configuration/SystemPathPolicy.cs).
Input: dict "path" <hostPath> "allow" <cleaner.allowSystemPaths>.
*/}}
{{- define "cleaner.systemPathProblem" -}}
{{- $p := clean .path -}}
{{- $never := list "/proc" "/sys" "/dev" -}}
{{- $subtrees := list "/boot" "/etc" "/usr" "/bin" "/sbin" "/lib" "/lib32" "/lib64" "/libx32" "/root" "/run" "/var/run" "/var/lib/kubelet" "/var/lib/containerd" "/var/lib/docker" "/var/lib/containers" "/var/lib/etcd" "/var/lib/cni" "/var/lib/calico" "/var/lib/rancher" "/opt/cni" "/opt/containerd" "/var/log/pods" "/var/log/containers" -}}
{{- $exact := list "/home" "/opt" "/var" "/var/lib" "/var/log" "/var/cache" "/mnt" "/media" "/srv" -}}
{{- $problem := "" -}}
{{- if eq $p "/" -}}
{{- $problem = "it is the host's root directory (never accepted)" -}}
{{- end -}}
{{- range $never -}}
{{- if and (not $problem) (or (eq $p .) (hasPrefix (printf "%s/" .) $p)) -}}
{{- $problem = printf "%s is a kernel pseudo filesystem (never accepted)" . -}}
{{- end -}}
{{- end -}}
{{- if and (not $problem) (not .allow) -}}
{{- range $subtrees -}}
{{- if and (not $problem) (or (eq $p .) (hasPrefix (printf "%s/" .) $p)) -}}
{{- $problem = printf "%s and everything below it is a system directory (cleaner.allowSystemPaths: true lifts this)" . -}}
{{- end -}}
{{- end -}}
{{- if and (not $problem) (has $p $exact) -}}
{{- $problem = printf "%s itself is refused; name a directory below it (cleaner.allowSystemPaths: true lifts this)" $p -}}
{{- end -}}
{{- end -}}
{{- $problem -}}
{{- end }}

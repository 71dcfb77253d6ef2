{{/*
Leader-election RBAC: a Role and RoleBinding in the release namespace. The kit's elector creates its
Lease once (create cannot be scoped by name: the object does not exist yet) and then only reads and
renews that one Lease, so get and update are scoped to it by resourceNames.
Argument: dict "context" . "component" "<component>" "leaseName" "<the Lease's name>".
*/}}
{{- define "addon-common.leaderElectionRbac" -}}
{{- $ctx := .context -}}
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {{ include "addon-common.fullname" $ctx }}-leader-election
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "addon-common.labels" . | nindent 4 }}
rules:
  - apiGroups: [coordination.k8s.io]
    resources: [leases]
    verbs: [create]
  - apiGroups: [coordination.k8s.io]
    resources: [leases]
    resourceNames: [{{ required "addon-common.leaderElectionRbac: leaseName is required" .leaseName | quote }}]
    verbs: [get, update]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {{ include "addon-common.fullname" $ctx }}-leader-election
  namespace: {{ $ctx.Release.Namespace }}
  labels:
    {{- include "addon-common.labels" . | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {{ include "addon-common.fullname" $ctx }}-leader-election
subjects:
  - kind: ServiceAccount
    name: {{ include "addon-common.serviceAccountName" $ctx }}
    namespace: {{ $ctx.Release.Namespace }}
{{- end }}

{{/*
Every template here takes a chart context: "." inside this chart, ".Subcharts.shardway" in an
application chart that depends on it, so that names, values and the image tag are this chart's.
*/}}

{{- define "shardway.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "shardway.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "shardway.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{ include "shardway.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{- define "shardway.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "shardway.fullname" .) -}}
{{- end -}}

{{/* Fails on a mode the chart does not know, so a typo does not render a silent half. */}}
{{- define "shardway.standalone" -}}
{{- if eq .Values.mode "standalone" -}}
true
{{- else if ne .Values.mode "sidecar" -}}
{{- fail (printf "mode: must be sidecar or standalone, got %q" .Values.mode) -}}
{{- end -}}
{{- end -}}

{{- define "shardway.listenHost" -}}
{{- $standalone := eq (include "shardway.standalone" .) "true" -}}
{{- .Values.listen.host | default (ternary "0.0.0.0" "127.0.0.1" $standalone) -}}
{{- end -}}

{{/*
shardway.yaml: config with listen and admin set from the values that the ports, the probes and
the Service also use, so that they cannot disagree.
*/}}
{{- define "shardway.config" -}}
{{- $config := deepCopy .Values.config -}}
{{- range $key := list "listen" "admin" -}}
{{- if hasKey $config $key -}}
{{- fail (printf "config.%s: set the values %s.host and %s.port instead" $key $key $key) -}}
{{- end -}}
{{- end -}}
{{- $_ := set $config "listen" (dict "host" (include "shardway.listenHost" .) "port" (int .Values.listen.port)) -}}
{{- $admin := dict "host" .Values.admin.host "port" (int .Values.admin.port) -}}
{{- with .Values.admin.tokenVariable -}}
{{- $_ = set $admin "token" (printf "${%s}" .) -}}
{{- end -}}
{{- $_ = set $config "admin" $admin -}}
{{- include "shardway.requireVariables" (dict "config" $config "Values" .Values) -}}
{{- toYaml $config -}}
{{- end -}}

{{/*
Fails when config refers to ${NAME} (without a ":-" default) and neither secrets.env nor extraEnv
sets NAME: the server would refuse the file at start, after the rollout began. The keys of an
existing Secret are unknown here, so it is trusted.
*/}}
{{- define "shardway.requireVariables" -}}
{{- if not .Values.secrets.existingSecret -}}
{{- $set := keys .Values.secrets.env -}}
{{- range .Values.extraEnv -}}
{{- $set = append $set .name -}}
{{- end -}}
{{- range $reference := regexFindAll "\\$\\{[A-Za-z_][A-Za-z0-9_]*\\}" (toYaml .config) -1 | uniq -}}
{{- $name := trimSuffix "}" (trimPrefix "${" $reference) -}}
{{- if not (has $name $set) -}}
{{- fail (printf "config refers to %s, which neither secrets.env nor extraEnv sets" $reference) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "shardway.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) -}}
{{- end -}}

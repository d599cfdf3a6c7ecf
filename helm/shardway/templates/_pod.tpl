{{/*
The parts of a pod that run Shardway. The Deployment of standalone mode uses them, and so does an
application chart in sidecar mode (README.md shows how):
  shardway.container       one entry of the pod's containers
  shardway.volumes         entries of the pod's volumes: the ConfigMap and a scratch /tmp
  shardway.podAnnotations  the pod's Prometheus annotations and the Secret's checksum
*/}}

{{- define "shardway.container" -}}
- name: shardway
  image: {{ include "shardway.image" . | quote }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  command: [java]
  args:
    {{- range .Values.jvmOptions }}
    - {{ . | quote }}
    {{- end }}
    - -jar
    - /app/shardway.jar
    - serve
    - --config
    - /etc/shardway/shardway.yaml
  ports:
    - { name: shardway-mysql, containerPort: {{ .Values.listen.port }}, protocol: TCP }
    - { name: shardway-admin, containerPort: {{ .Values.admin.port }}, protocol: TCP }
  envFrom:
    - secretRef:
        name: {{ include "shardway.secretName" . }}
  {{- with .Values.extraEnv }}
  env:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  livenessProbe:
    httpGet: { path: /health/live, port: {{ .Values.admin.port }} }
    {{- toYaml .Values.livenessProbe | nindent 4 }}
  readinessProbe:
    httpGet: { path: /health/ready, port: {{ .Values.admin.port }} }
    {{- toYaml .Values.readinessProbe | nindent 4 }}
  resources:
    {{- toYaml .Values.resources | nindent 4 }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  volumeMounts:
    {{- /* The whole directory, never a subPath: Kubernetes updates a mounted ConfigMap by
    swapping a symlink in the directory, which a subPath mount never sees, and Shardway reloads
    the file. */}}
    - { name: shardway-config, mountPath: /etc/shardway, readOnly: true }
    {{- /* The root filesystem is read-only; the JVM and Netty's native transport write here. */}}
    - { name: shardway-tmp, mountPath: /tmp }
{{- end -}}

{{- define "shardway.volumes" -}}
- name: shardway-config
  configMap:
    name: {{ include "shardway.fullname" . }}
- name: shardway-tmp
  emptyDir: { sizeLimit: 64Mi }
{{- end -}}

{{/*
Environment variables are read once, at start: a changed Secret must restart the pod, so its
values' checksum is part of the pod template. The config needs no such checksum here: the mounted
ConfigMap changes in place and Shardway reloads it.
*/}}
{{- define "shardway.podAnnotations" -}}
{{- $annotations := dict -}}
{{- if .Values.prometheus.scrapeAnnotations -}}
{{- $_ := set $annotations "prometheus.io/scrape" "true" -}}
{{- $_ = set $annotations "prometheus.io/port" (toString .Values.admin.port) -}}
{{- $_ = set $annotations "prometheus.io/path" "/metrics" -}}
{{- end -}}
{{- if not .Values.secrets.existingSecret -}}
{{- $_ := set $annotations "checksum/shardway-secret" (toJson .Values.secrets.env | sha256sum) -}}
{{- end -}}
{{- with $annotations }}{{ toYaml . }}{{ end -}}
{{- end -}}
